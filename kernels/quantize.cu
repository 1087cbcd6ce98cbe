// Quantizers of docs/ARITHMETIC.md on the GPU, for end-to-end timing (quantize + attend). Each is
// bit-exact to the contract: max|x| is exact, f32 ops are __fdiv_rn/__fmul_rn, rint is
// __float2int_rn, FP8 casts are cvt.rn.satfinite (cuda_fp8.h; below sm_89, where there is no FP8
// cvt, fp8_codes.cuh's integer steps, bit for bit the same).
//
// The INT8 pipeline for one [B,H,N,D] problem (all launches on one stream):
//   memset(amax, 0) ; quant_int8_qk_vamax(Q, K -> per token ; V -> amax, per tensor or per channel)
//   quant_int8_v8t_per_tensor(V, amax, levels -> V8t, s_v, fs[B,H,D])
//                             (fs = f32(s_v/levels): int8 127, int8+u8p 255, int8+qsum 1)
//   or quant_int8_v8t_per_channel(V, amax[B,H,D], levels -> V8t, fs = f32(s_v[B,H,D]/levels))
//                             (int8-plus 1: fs = s_v itself; int8+vchan 127)
// int8-half: quant_int8_qk_vamax(Q, K) alone (no V part, no memset).
// Q, K and V's amax share one launch because, as three kernels, each paid its own launch, ramp
// and last-wave tail, which at N=1k was most of their time (kernels/TUNING.md v28).
// V8t is the attention kernels' V layout (v8t_layout.cuh), written straight from f16 V. The
// row-major V8 kernels (quant_int8_per_tensor, quant_int8_per_channel, then int8_v_transpose)
// make the same codes; kcheck uses them, as its emulation reads V row by row.
//
// They are memory-bound passes over [B,H,N,D] f16 tensors, so every kernel moves 16 bytes of f16
// (8 values) per load and writes their 8 codes with one 8-byte store where the data allows
// (buffers 16-byte aligned, as cudaMalloc's are; lengths and D multiples of 8), and handles a tail
// one value at a time.
// Before, with one 2-byte value per load (and the per-channel V one thread per channel, walking
// all N keys), quantizing took 1.6 ms of int8's and 8.4 ms of int8-plus's end-to-end time at
// N=16k, D=64 (results/2026-11-23-h100-paper-v12-shipped), about 3x and 15x the time to move
// their bytes once.
#include <cuda_fp16.h>
#include <cuda_fp8.h>
#include <stdint.h>

#include "fp8_codes.cuh"
#include "v8t_layout.cuh"

namespace {

constexpr int kQuantThreads = 256;
constexpr int kVec = 8;  // f16 values per 16-byte load

__device__ __forceinline__ float warp_max(float x) {
#pragma unroll
  for (int o = 16; o > 0; o >>= 1) x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, o));
  return x;
}

// q = clamp(rint(f32(x·inv)), -127, 127)
__device__ __forceinline__ int8_t quantize_int8(float x, float inv) {
  const int q = __float2int_rn(__fmul_rn(x, inv));
  return static_cast<int8_t>(max(-127, min(127, q)));
}

// s = f32(amax/127), inv = f32(127/amax); amax == 0 -> s = inv = 0 (all codes 0)
__device__ __forceinline__ void int8_scales(float amax, float& s, float& inv) {
  s = amax == 0.f ? 0.f : __fdiv_rn(amax, 127.f);
  inv = amax == 0.f ? 0.f : __fdiv_rn(127.f, amax);
}

// Value e of f16 values packed two per 32-bit word (little-endian: the low half first), as a float.
__device__ __forceinline__ float f16_at(const uint32_t* words, int e) {
  return __half2float(__ushort_as_half(static_cast<unsigned short>(words[e / 2] >> (16 * (e % 2)))));
}

// 8 f16 values from one 16-byte load (v: the vector's index), as floats.
__device__ __forceinline__ void load8(const __half* X, long long v, float (&x)[kVec]) {
  const uint4 w = reinterpret_cast<const uint4*>(X)[v];
  const uint32_t words[4] = {w.x, w.y, w.z, w.w};
#pragma unroll
  for (int e = 0; e < kVec; ++e) x[e] = f16_at(words, e);
}

// 8 one-byte codes with one 8-byte store.
__device__ __forceinline__ void store8(uint8_t* X8, long long v, const uint8_t (&c)[kVec]) {
  uint32_t out[2] = {0u, 0u};
#pragma unroll
  for (int e = 0; e < kVec; ++e) out[e / 4] |= static_cast<uint32_t>(c[e]) << (8 * (e % 4));
  reinterpret_cast<uint2*>(X8)[v] = make_uint2(out[0], out[1]);
}

// Grid-stride over n f16 values: X8[i] = code(X[i]), 8 at a time, then the tail one by one.
template <class Code>
__device__ __forceinline__ void encode_all(const __half* X, uint8_t* X8, long long n, Code code) {
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  const long long first = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x;
  for (long long v = first; v < n / kVec; v += stride) {
    float x[kVec];
    uint8_t c[kVec];
    load8(X, v, x);
#pragma unroll
    for (int e = 0; e < kVec; ++e) c[e] = code(x[e]);
    store8(X8, v, c);
  }
  for (long long i = n / kVec * kVec + first; i < n; i += stride) X8[i] = code(__half2float(X[i]));
}

// max |x| over this thread's share of n f16 values, 8 at a time, striding over `blocks` blocks
// of which this thread's is `block`.
__device__ __forceinline__ float thread_absmax(const __half* X, long long n, long long block,
                                               long long blocks) {
  const long long stride = blocks * blockDim.x;
  const long long first = block * blockDim.x + threadIdx.x;
  float amax = 0.f;
  for (long long v = first; v < n / kVec; v += stride) {
    float x[kVec];
    load8(X, v, x);
#pragma unroll
    for (int e = 0; e < kVec; ++e) amax = fmaxf(amax, fabsf(x[e]));
  }
  for (long long i = n / kVec * kVec + first; i < n; i += stride) amax = fmaxf(amax, fabsf(__half2float(X[i])));
  return amax;
}

// Where the per-token scale of row `row` of [B,H,N] goes: s_q packed (stride 0), s_k padded to
// Npad per (b,h) (stride padded_keys(N); the attention kernels read whole blocks of it, and the
// host zeroes the padding once when it allocates the buffer) and in sk_position order. The two
// are told apart by the stride, not by stride == N: at N a multiple of 128 s_k's rows are N long
// too and still permuted (a first form of v37 wrote them in key order there). Rows fit an int (the
// host checks B·H·N), so the division is 32-bit; a first form divided in 64 bits, for Q's rows
// too, and made this launch 10% slower (kcheck run 64).
struct ScaleRows {
  float* base;
  int n, stride;
  __device__ __forceinline__ float& operator[](long long row) const {
    const int r = static_cast<int>(row);
    return base[stride == 0 ? r : static_cast<long long>(r / n) * stride + sk_position(r % n)];
  }
};

// Rows of D = 8·kLanes values (D = 64: kLanes 8; D = 128: 16), each quantized by a group of
// kLanes lanes that loads its 8 values with one 16-byte load, keeps them in registers between the
// row's amax (a max over the group's lanes) and its codes, and stores them with one 8-byte store.
// A lane takes kRowsPerLane rows, 32/kLanes apart, and issues all their loads before it uses the
// first, so that a warp has kRowsPerLane·512 bytes in flight: the pass is memory-bound, and with
// one row a lane (v27-v28) the launch moved 3.0-3.4 TB/s on the H200, in blocks that each lived
// for one load's latency. Two rows a lane (kernels/TUNING.md v64) keep the launch within 32
// registers, so that an SM still holds 8 of its blocks: four rows took 48 and cost int8-plus more
// in its per-channel V blocks, which then kept fewer loads in flight, than they gained in Q's and
// K's. A warp takes kRowsPerLane·32/kLanes consecutive rows; the grid must cover every row
// (quantize_rows).
// There is no grid-stride loop: inside one, ptxas could not prove the warp converged at the
// shuffles and wrapped each in a WARPSYNC/ENDCOLLECTIVE sequence (the SASS of the first form,
// kernels/TUNING.md v27). Lanes of rows past the end load the last row and store nothing, so every
// lane shuffles.
#ifndef QUANT_ROWS_PER_LANE
#define QUANT_ROWS_PER_LANE 2
#endif
constexpr int kRowsPerLane = QUANT_ROWS_PER_LANE;  // Must equal DeviceQuantizer.ROWS_PER_LANE (Java).

template <int kLanes>
__device__ __forceinline__ void quantize_rows_vec8(const __half* X, int8_t* X8, ScaleRows scale,
                                                   int rows, long long block) {
  constexpr int kRowsPerStep = 32 / kLanes;
  const int lane = threadIdx.x & 31, sub = lane % kLanes;
  const long long base =
      (block * (kQuantThreads / 32) + (threadIdx.x >> 5)) * kRowsPerStep * kRowsPerLane;
  if (base >= rows) return;  // the whole warp
  // The rows' values as they lie in memory: 4 registers a row where floats would take 8 (two
  // rows as floats took 39 registers, and 6 blocks an SM).
  uint4 raw[kRowsPerLane];
#pragma unroll
  for (int r = 0; r < kRowsPerLane; ++r) {
    const long long row = base + r * kRowsPerStep + lane / kLanes;
    raw[r] = reinterpret_cast<const uint4*>(X)[(row < rows ? row : rows - 1) * kLanes + sub];
  }
#pragma unroll
  for (int r = 0; r < kRowsPerLane; ++r) {
    const long long row = base + r * kRowsPerStep + lane / kLanes;
    const uint32_t words[4] = {raw[r].x, raw[r].y, raw[r].z, raw[r].w};
    // max |x| of the lane's 8 values from their bits: with the sign cleared, finite f16 values
    // order like their bit patterns, so two SIMD maxes of 16-bit halves find it, and no float of
    // the row is live across int8_scales' divisions (whose slow path is a call: with the 8
    // floats live the launch took a stack frame at 32 registers, which the build refuses).
    const uint32_t m = __vmaxu2(__vmaxu2(words[0] & 0x7FFF7FFFu, words[1] & 0x7FFF7FFFu),
                                __vmaxu2(words[2] & 0x7FFF7FFFu, words[3] & 0x7FFF7FFFu));
    const unsigned short amaxBits = static_cast<unsigned short>(max(m & 0xFFFFu, m >> 16));
    float amax = __half2float(__ushort_as_half(amaxBits));
#pragma unroll
    for (int o = kLanes / 2; o > 0; o >>= 1) amax = fmaxf(amax, __shfl_xor_sync(0xffffffffu, amax, o));
    float s, inv;
    int8_scales(amax, s, inv);
    if (row < rows) {
      if (sub == 0) scale[row] = s;
      uint8_t c[kVec];
#pragma unroll
      for (int e = 0; e < kVec; ++e) c[e] = static_cast<uint8_t>(quantize_int8(f16_at(words, e), inv));
      store8(reinterpret_cast<uint8_t*>(X8), row * kLanes + sub, c);
    }
  }
}

// Per-token INT8 of block `block`'s rows: X [rows, D] f16 -> X8 [rows, D] s8, their scales into
// `scale`. 256 threads; ceil(rows / rows-per-block) blocks cover the rows, 256·8/D·kRowsPerLane
// rows a block at D = 64 and 128, where a lane takes 8 values of kRowsPerLane rows
// (quantize_rows_vec8), and 8 at other D, where a warp takes a row (a two-pass loop).
__device__ __forceinline__ void quantize_rows(const __half* X, int8_t* X8, ScaleRows scale, int rows,
                                              int D, long long block) {
  if (D == 64) return quantize_rows_vec8<8>(X, X8, scale, rows, block);
  if (D == 128) return quantize_rows_vec8<16>(X, X8, scale, rows, block);
  const long long row = block * (kQuantThreads / 32) + (threadIdx.x >> 5);
  const int lane = threadIdx.x & 31;
  if (row >= rows) return;
  const __half* x = X + row * D;
  int8_t* q = X8 + row * D;
  float amax = 0.f;
  for (int d = lane; d < D; d += 32) amax = fmaxf(amax, fabsf(__half2float(x[d])));
  amax = warp_max(amax);
  float s, inv;
  int8_scales(amax, s, inv);
  if (lane == 0) scale[row] = s;
  for (int d = lane; d < D; d += 32) q[d] = quantize_int8(__half2float(x[d]), inv);
}

// The amax of n f16 values into *amaxBits (FP32 bits, 0 before the first block runs): this
// block's share (block `block` of `blocks`, striding), reduced in the block, then one atomicMax.
__device__ __forceinline__ void absmax_per_tensor(const __half* X, long long n,
                                                  unsigned int* amaxBits, long long block,
                                                  long long blocks) {
  __shared__ float warpMax[kQuantThreads / 32];
  float amax = warp_max(thread_absmax(X, n, block, blocks));
  if ((threadIdx.x & 31) == 0) warpMax[threadIdx.x >> 5] = amax;
  __syncthreads();
  if (threadIdx.x < 32) {
    amax = threadIdx.x < kQuantThreads / 32 ? warpMax[threadIdx.x] : 0.f;
    amax = warp_max(amax);
    // Non-negative floats order like their bits.
    if (threadIdx.x == 0) atomicMax(amaxBits, __float_as_uint(amax));
  }
}

// The per-channel INT8 kernels cut each (b,h) slab [N, D] of V into chunks of kChannelRows rows,
// one block of 256 threads per chunk, so that the whole GPU reads V once per pass. D/8 must divide
// 256 (the attention kernels' D = 64 and 128 do): each thread keeps the 8 channels 8c..8c+7,
// c = threadIdx.x % (D/8), of the chunk's rows 256/(D/8) apart.
constexpr int kChannelRows = 64;

// The amax of each channel of chunk `chunk` of slab bh into amaxBits [BH, D] (FP32 bits, 0 before
// the first block runs), one atomicMax per channel.
__device__ __forceinline__ void absmax_per_channel(const __half* X, unsigned int* amaxBits, int bh,
                                                   int chunk, int N, int D) {
  __shared__ float partial[kQuantThreads][kVec];
  const int vecs = D / kVec, c = threadIdx.x % vecs, rowStep = kQuantThreads / vecs;
  const int row0 = chunk * kChannelRows, rows = min(kChannelRows, N - row0);
  const __half* slab = X + (static_cast<long>(bh) * N + row0) * D;
  float amax[kVec] = {};
  for (int r = threadIdx.x / vecs; r < rows; r += rowStep) {
    float x[kVec];
    load8(slab, static_cast<long long>(r) * vecs + c, x);
#pragma unroll
    for (int e = 0; e < kVec; ++e) amax[e] = fmaxf(amax[e], fabsf(x[e]));
  }
#pragma unroll
  for (int e = 0; e < kVec; ++e) partial[threadIdx.x][e] = amax[e];
  __syncthreads();
  if (threadIdx.x < vecs) {
    for (int i = threadIdx.x + vecs; i < kQuantThreads; i += vecs)
#pragma unroll
      for (int e = 0; e < kVec; ++e) amax[e] = fmaxf(amax[e], partial[i][e]);
    // Non-negative floats order like their bits.
#pragma unroll
    for (int e = 0; e < kVec; ++e)
      atomicMax(amaxBits + static_cast<long>(bh) * D + kVec * c + e, __float_as_uint(amax[e]));
  }
}

}  // namespace

// What the V blocks of quant_int8_qk_vamax do (its vMode). Must equal
// DeviceQuantizer.VAmax (Java).
enum VAmaxMode : int { kVNone = 0, kVPerTensor = 1, kVPerChannel = 2 };

// The INT8 pipeline's first launch. Blocks [0, qkBlocks) quantize Q per token (scales sq
// [B,H,N]), [qkBlocks, 2·qkBlocks) K (scales sk [B,H,Npad], whose zero padding it leaves alone;
// quantize_rows: qkBlocks = ceil(rows / rows_per_block)), and the rest, if any, take V's amax
// into amaxBits, which must be 0 before the launch (cuMemsetD32):
//   kVPerTensor: one word, any number of blocks (striding; e.g. 1024);
//   kVPerChannel: [BH, D], ceil(N / kChannelRows) · BH blocks, chunk-major within a slab.
// The parts are independent, so one grid runs them side by side. 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_int8_qk_vamax(
    const __half* Q, const __half* K, const __half* V, int8_t* Q8, int8_t* K8, float* sq,
    float* sk, unsigned int* amaxBits, int vMode, int rows, int BH, int N, int D, int qkBlocks) {
  const long long block = blockIdx.x;
  if (block < 2LL * qkBlocks) {
    const bool isK = block >= qkBlocks;
    const ScaleRows scale = isK ? ScaleRows{sk, N, padded_keys(N)} : ScaleRows{sq, N, 0};
    quantize_rows(isK ? K : Q, isK ? K8 : Q8, scale, rows, D, isK ? block - qkBlocks : block);
    return;
  }
  const long long vBlock = block - 2LL * qkBlocks, vBlocks = gridDim.x - 2LL * qkBlocks;
  if (vMode == kVPerTensor) {
    absmax_per_tensor(V, static_cast<long long>(BH) * N * D, amaxBits, vBlock, vBlocks);
  } else if (vMode == kVPerChannel) {
    const int chunks = (N + kChannelRows - 1) / kChannelRows;
    absmax_per_channel(V, amaxBits, static_cast<int>(vBlock / chunks), static_cast<int>(vBlock % chunks), N, D);
  }
}

// amax over n f16 values, as FP32 bits, into *amaxBits, which must be 0 before the launch
// (cuMemsetD32). Grid-stride; any grid (e.g. 1024 blocks), 256 threads.
// loaded by the Java backend (fp8-e4m3)
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_absmax_f16(
    const __half* X, long long n, unsigned int* amaxBits) {
  absmax_per_tensor(X, n, amaxBits, blockIdx.x, gridDim.x);
}

// Per-tensor INT8 (V of `int8`): X [n] f16 -> X8 [n] s8 with s = f32(amax/127) written to
// *scale. Grid-stride; any grid, 256 threads.
// used by kcheck (row-major V8 for its emulation), not by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_int8_per_tensor(
    const __half* X, int8_t* X8, const unsigned int* amaxBits, float* scale, long long n) {
  float s, inv;
  int8_scales(__uint_as_float(*amaxBits), s, inv);
  if (blockIdx.x == 0 && threadIdx.x == 0) *scale = s;
  encode_all(X, reinterpret_cast<uint8_t*>(X8), n,
             [inv](float x) { return static_cast<uint8_t>(quantize_int8(x, inv)); });
}

// X [BH, N, D] f16 -> X8 [BH, N, D] s8 with each channel's s = f32(amax/127) (from
// quant_int8_qk_vamax), written to scale [BH, D] by the first chunk's block (chunks of
// kChannelRows rows, grid (ceil(N / kChannelRows), BH), as there).
// used by kcheck (row-major V8 for its emulation), not by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_int8_per_channel(
    const __half* X, int8_t* X8, const unsigned int* amaxBits, float* scale, int BH, int N, int D) {
  (void)BH;
  const int vecs = D / kVec, c = threadIdx.x % vecs, rowStep = kQuantThreads / vecs;
  const int bh = blockIdx.y, row0 = blockIdx.x * kChannelRows, rows = min(kChannelRows, N - row0);
  float inv[kVec];
#pragma unroll
  for (int e = 0; e < kVec; ++e) {
    const long ch = static_cast<long>(bh) * D + kVec * c + e;
    float s;
    int8_scales(__uint_as_float(amaxBits[ch]), s, inv[e]);
    if (blockIdx.x == 0 && threadIdx.x < vecs) scale[ch] = s;
  }
  const long long first = (static_cast<long long>(bh) * N + row0) * vecs;  // in 8-value vectors
  uint8_t* codes = reinterpret_cast<uint8_t*>(X8);
  for (int r = threadIdx.x / vecs; r < rows; r += rowStep) {
    const long long v = first + static_cast<long long>(r) * vecs + c;
    float x[kVec];
    uint8_t q[kVec];
    load8(X, v, x);
#pragma unroll
    for (int e = 0; e < kVec; ++e) q[e] = static_cast<uint8_t>(quantize_int8(x[e], inv[e]));
    store8(codes, v, q);
  }
}

// V [BH, N, D] f16 -> V8t [BH, D, Npad] s8 in one pass: each block quantizes v8t::kKeys keys of
// one (b,h) into a [key][d] tile in shared memory (keys past N are 0) and writes it out as
// int8_v_transpose does. Grid (Npad/kKeys, BH), 256 threads; D/8 divides 256. The first key block
// of each (b,h) also writes fs = f32(s_v/levels) for its D channels (per tensor, s_v itself also
// to *scale, once).
// A thread loads all of its keys' 16-byte vectors before it quantizes the first: the tile's
// stores sit between them in the loop, and through a generic pointer ptxas may not move a load
// above a store, so a loop that loads, quantizes and stores key by key kept one load in flight a
// thread (kernels/TUNING.md v64). kVecs = D/8 at D = 64 and 128; 0 takes any D, one key at a time.
template <bool kPerChannel, int kVecs>
__device__ __forceinline__ void quantize_block_to_v8t(v8t::PaddedTile& tile, const __half* X,
                                                      const unsigned int* amaxBits, int8_t* V8t,
                                                      float* scale, float* fs, float levels, int N,
                                                      int Npad, int D) {
  const int vecs = kVecs > 0 ? kVecs : D / kVec, c = threadIdx.x % vecs;
  const int bh = blockIdx.y, key0 = blockIdx.x * v8t::kKeys, keyStep = v8t::kThreads / vecs;
  // Key k's 8 values as they lie in memory (zeros past N).
  const auto load = [&](int k) {
    return key0 + k < N ? __ldg(reinterpret_cast<const uint4*>(X) +
                                (static_cast<long long>(bh) * N + key0 + k) * vecs + c)
                        : make_uint4(0u, 0u, 0u, 0u);
  };
  // At D = 64 and 128 the block's loads go first, before the scales' load and divisions too.
  constexpr int kSteps = kVecs > 0 ? v8t::kKeys * kVecs / v8t::kThreads : 1;
  uint4 w[kSteps];
  if constexpr (kVecs > 0) {
#pragma unroll
    for (int i = 0; i < kSteps; ++i) w[i] = load(threadIdx.x / kVecs + i * keyStep);
  }
  // The amax words before the scales' divisions and fs's stores, which might alias them: loaded
  // between the stores, each was loaded again after the last, eight round trips in series ahead
  // of the block's first V load. Per tensor one word serves every channel.
  const long ch0 = static_cast<long>(bh) * D + kVec * c;
  float amax[kVec];
#pragma unroll
  for (int e = 0; e < kVec; ++e) amax[e] = __uint_as_float(amaxBits[kPerChannel ? ch0 + e : 0]);
  float inv[kVec], s;
#pragma unroll
  for (int e = 0; e < kVec; ++e) {
    const long ch = ch0 + e;
    if (kPerChannel || e == 0) {
      int8_scales(amax[e], s, inv[e]);
    } else {
      inv[e] = inv[0];  // and s is s_v
    }
    if (blockIdx.x == 0 && threadIdx.x < vecs) fs[ch] = __fdiv_rn(s, levels);
    if (!kPerChannel && blockIdx.x == 0 && bh == 0 && threadIdx.x == 0 && e == 0) *scale = s;
  }
  // Key k's codes into the tile (4-byte stores: its rows are padded to 65 words, v8t::store_block).
  const auto encode = [&](int k, uint4 v) {
    const uint32_t words[4] = {v.x, v.y, v.z, v.w};
    uint8_t q[kVec];
#pragma unroll
    for (int e = 0; e < kVec; ++e) q[e] = static_cast<uint8_t>(quantize_int8(f16_at(words, e), inv[e]));
    uint32_t* row = reinterpret_cast<uint32_t*>(&tile[k][kVec * c]);
    row[0] = q[0] | q[1] << 8 | q[2] << 16 | static_cast<uint32_t>(q[3]) << 24;
    row[1] = q[4] | q[5] << 8 | q[6] << 16 | static_cast<uint32_t>(q[7]) << 24;
  };
  if constexpr (kVecs > 0) {
#pragma unroll
    for (int i = 0; i < kSteps; ++i) encode(threadIdx.x / kVecs + i * keyStep, w[i]);
  } else {
    for (int k = threadIdx.x / vecs; k < v8t::kKeys; k += keyStep) encode(k, load(k));
  }
  __syncthreads();
  v8t::store_block(tile, V8t, bh, key0, Npad, D);
}

// The V8t writer for this D, with one tile: the loads batched at the attention kernels' D = 64
// and 128.
template <bool kPerChannel>
__device__ __forceinline__ void quantize_block_to_v8t_any(const __half* X, const unsigned int* amaxBits,
                                                          int8_t* V8t, float* scale, float* fs,
                                                          float levels, int N, int Npad, int D) {
  __shared__ __align__(16) v8t::PaddedTile tile;
  if (D == 64) {
    quantize_block_to_v8t<kPerChannel, 8>(tile, X, amaxBits, V8t, scale, fs, levels, N, Npad, D);
  } else if (D == 128) {
    quantize_block_to_v8t<kPerChannel, 16>(tile, X, amaxBits, V8t, scale, fs, levels, N, Npad, D);
  } else {
    quantize_block_to_v8t<kPerChannel, 0>(tile, X, amaxBits, V8t, scale, fs, levels, N, Npad, D);
  }
}

// Per tensor (`int8`, `int8+u8p`, `int8+qsum`): *amaxBits from quant_int8_qk_vamax.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(v8t::kThreads) quant_int8_v8t_per_tensor(
    const __half* X, const unsigned int* amaxBits, int8_t* V8t, float* scale, float* fs,
    float levels, int BH, int N, int Npad, int D) {
  (void)BH;
  quantize_block_to_v8t_any<false>(X, amaxBits, V8t, scale, fs, levels, N, Npad, D);
}
// Per channel (`int8-plus`, `int8+vchan`): amaxBits [BH, D] from quant_int8_qk_vamax.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(v8t::kThreads) quant_int8_v8t_per_channel(
    const __half* X, const unsigned int* amaxBits, int8_t* V8t, float* fs, float levels, int BH,
    int N, int Npad, int D) {
  (void)BH;
  quantize_block_to_v8t_any<true>(X, amaxBits, V8t, nullptr, fs, levels, N, Npad, D);
}

// fs[i] = f32(*scale / levels) for i < count (int8: levels 127 -> f32(s_v/127); int8+u8p: 255;
// int8+qsum: 1 -> s_v). One thread per element, 256 threads.
// used by kcheck, not by the Java backend (quant_int8_v8t_* write fs)
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_output_scale(
    const float* scale, float* fs, int count, float levels) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) fs[i] = __fdiv_rn(*scale, levels);
}

// x's FP8 code (e4m3 or e5m2), rounded to nearest even, satfinite.
template <bool kE4M3>
__device__ __forceinline__ uint8_t fp8_code(float x) {
#if ATTN_NO_FP8_HARDWARE
  return attn::fp8_code_satfinite<kE4M3>(x);
#else
  return static_cast<uint8_t>(__nv_cvt_float_to_fp8(x, __NV_SATFINITE, kE4M3 ? __NV_E4M3 : __NV_E5M2));
#endif
}

// FP8 e5m2, unscaled (`fp8`): x8 = e5m2(x), satfinite. Grid-stride, 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_fp8_e5m2(
    const __half* X, uint8_t* X8, long long n) {
  encode_all(X, X8, n, [](float x) { return fp8_code<false>(x); });
}

// FP8 e4m3, per-tensor scaled (`fp8-e4m3`): s = f32(amax/448) written to *scale,
// x8 = e4m3(f32(x/s)), satfinite (amax == 0: s = 0, codes 0). *amaxBits from quant_absmax_f16.
// Grid-stride, 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_fp8_e4m3(
    const __half* X, uint8_t* X8, const unsigned int* amaxBits, float* scale, long long n) {
  const float amax = __uint_as_float(*amaxBits);
  const float s = __fdiv_rn(amax, 448.f);
  if (blockIdx.x == 0 && threadIdx.x == 0) *scale = s;
  encode_all(X, X8, n, [amax, s](float x) {
    return amax == 0.f ? static_cast<uint8_t>(0) : fp8_code<true>(__fdiv_rn(x, s));
  });
}
