// V8t, the layout in which the 8-bit P̃·V kernels read V (int8_attention.cu, "V8t"): [B,H,D,Npad]
// one-byte codes, keys fastest, zero-padded to Npad = ceil(N/128)·128 (padded_keys.cuh: whole key
// blocks for either Bc), and the keys of every 32-key group permuted so that the Q·Kᵀ accumulator
// fragment is the P̃·V A operand without shuffles.
// Written block by block (kKeys keys of one (b,h)) from a [key][d] tile in shared memory: by
// int8_v_transpose (codes already made) and by quantize.cu's fused quantize-and-transpose kernels.
#pragma once

#include <stdint.h>

#include "padded_keys.cuh"

namespace v8t {

// Keys per block of the writers. Must equal CudaAttention.V8T_KEYS (Java). 128 since kernels v64:
// a block writes whole 128-byte rows of V8t, and the per-channel writer's scales (eight amax words
// and sixteen divisions a thread) serve twice the keys; at 64 that writer ran 14-28% slower
// (kernels/TUNING.md v64).
#ifndef V8T_KEYS
#define V8T_KEYS 128
#endif
constexpr int kKeys = V8T_KEYS;
static_assert(kKeys % 32 == 0 && kPadKeys % kKeys == 0, "whole 32-key groups, whole blocks in Npad");
constexpr int kMaxD = 256;   // the tile's row capacity
constexpr int kPaddedRow = kMaxD + 4;  // a tile row stride that spreads keys over the banks
constexpr int kThreads = 256;
using PaddedTile = int8_t[kKeys][kPaddedRow];

// key(κ) of the permutation: the key whose code sits at position κ of a 32-key group.
__device__ __forceinline__ int key_of_position(int kappa) {
  return 16 * (kappa >> 4) + 8 * ((kappa >> 1) & 1) + 2 * ((kappa >> 2) & 3) + (kappa & 1);
}

// The block's tile [kKeys keys][D] (keys past N already zero) into V8t [BH, D, Npad] at keys
// key0..key0+kKeys-1 of slice bh, D a multiple of 16: one thread per 16 output bytes (one 16-byte
// store), channel d, positions pos..pos+15 (half of a 32-key group). A warp takes 16 channels of
// one group, two lanes per channel, so that each of its stores fills whole 32-byte sectors and each
// of its 16 byte reads of the tile touches 8 words of 2 rows 16 keys apart.
// kRow is the tile's row stride in bytes (at least kMaxD). With kRow = kMaxD (64 words) those
// 2 rows sit in the same banks (2-way conflicts); with kRow = kMaxD + 4 (65 words, kPaddedRow) in
// different ones. (The 4-byte form before v28 had a half-warp read 16 keys of one channel: 16-way
// conflicts at 64 words, 2-way at 65.)
template <int kRow>
__device__ __forceinline__ void store_block(const int8_t (&tile)[kKeys][kRow], int8_t* V8t, int bh,
                                            int key0, int Npad, int D) {
  static_assert(kRow >= kMaxD, "a tile row holds kMaxD channels");
  constexpr int kBytes = 16;  // per thread and store
  for (int idx = threadIdx.x; idx < D * (kKeys / kBytes); idx += blockDim.x) {
    const int lane = idx % 32, warpItem = idx / 32;
    const int d = 16 * (warpItem / (kKeys / 32)) + lane / 2;
    const int pos = 32 * (warpItem % (kKeys / 32)) + kBytes * (lane % 2);
    uint32_t words[kBytes / 4] = {};
#pragma unroll
    for (int e = 0; e < kBytes; ++e) {
      // pos is a multiple of 16, so e alone picks the position within the half-group.
      const int kappa = (pos & 31) + e, key = (pos & ~31) + key_of_position(kappa);
      words[e / 4] |= static_cast<uint32_t>(static_cast<uint8_t>(tile[key][d])) << (8 * (e % 4));
    }
    *reinterpret_cast<uint4*>(V8t + (static_cast<long>(bh) * D + d) * Npad + key0 + pos) =
        make_uint4(words[0], words[1], words[2], words[3]);
  }
}

}  // namespace v8t
