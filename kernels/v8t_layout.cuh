// V8t, the layout in which the 8-bit P̃·V kernels read V (int8_attention.cu, "V8t"): [B,H,D,Npad]
// one-byte codes, keys fastest, zero-padded to Npad = ceil(N/128)·128 (kPadKeys: whole key blocks
// for either Bc), and the keys of every 32-key group permuted so that the Q·Kᵀ accumulator
// fragment is the P̃·V A operand without shuffles.
// Written block by block (64 keys of one (b,h)) from a [key][d] tile in shared memory: by
// int8_v_transpose (codes already made) and by quantize.cu's fused quantize-and-transpose kernels.
#pragma once

#include <stdint.h>

namespace v8t {

constexpr int kKeys = 64;    // keys per block of the writers
// The padding unit of Npad: the largest Bc, so that every kernel's last key block lies inside V8t
// whatever its Bc. Must equal CudaAttention.V8T_PAD_KEYS (Java).
constexpr int kPadKeys = 128;
// Npad, the keys of one (b,h) in V8t: N rounded up to kPadKeys.
__host__ __device__ constexpr int padded_keys(int n) { return (n + kPadKeys - 1) / kPadKeys * kPadKeys; }
constexpr int kMaxD = 256;   // the tile's row capacity
constexpr int kPaddedRow = kMaxD + 4;  // a tile row stride that spreads keys over the banks
constexpr int kThreads = 256;

// key(κ) of the permutation: the key whose code sits at position κ of a 32-key group.
__device__ __forceinline__ int key_of_position(int kappa) {
  return 16 * (kappa >> 4) + 8 * ((kappa >> 1) & 1) + 2 * ((kappa >> 2) & 3) + (kappa & 1);
}

// The block's tile [64 keys][D] (keys past N already zero) into V8t [BH, D, Npad] at keys
// key0..key0+63 of slice bh: one thread per 4 output bytes, channel d, positions 4w..4w+3.
// kRow is the tile's row stride in bytes (at least kMaxD). A half-warp reads one channel of 16
// keys: with kRow = kMaxD (64 words) all 16 sit in one shared-memory bank, with kRow = kMaxD + 4
// (65 words) in different banks but for keys 32 apart (kPaddedRow).
template <int kRow>
__device__ __forceinline__ void store_block(const int8_t (&tile)[kKeys][kRow], int8_t* V8t, int bh,
                                            int key0, int Npad, int D) {
  static_assert(kRow >= kMaxD, "a tile row holds kMaxD channels");
  for (int idx = threadIdx.x; idx < D * (kKeys / 4); idx += blockDim.x) {
    const int d = idx / (kKeys / 4), pos = (idx % (kKeys / 4)) * 4;
    uint32_t word = 0;
#pragma unroll
    for (int e = 0; e < 4; ++e) {
      const int kappa = (pos + e) & 31, group = (pos + e) >> 5;
      const int key = 32 * group + key_of_position(kappa);
      word |= static_cast<uint32_t>(static_cast<uint8_t>(tile[key][d])) << (8 * e);
    }
    *reinterpret_cast<uint32_t*>(V8t + (static_cast<long>(bh) * D + d) * Npad + key0 + pos) = word;
  }
}

}  // namespace v8t
