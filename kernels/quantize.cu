// Quantizers of docs/ARITHMETIC.md on the GPU, for end-to-end timing (quantize + attend). Each is
// bit-exact to the contract: max|x| is exact, f32 ops are __fdiv_rn/__fmul_rn, rint is
// __float2int_rn, FP8 casts are cvt.rn.satfinite (cuda_fp8.h; exact software path below sm_89).
//
// Typical INT8 pipeline for one [B,H,N,D] problem (all launches on one stream):
//   quant_int8_per_token(Q) ; quant_int8_per_token(K)
//   memset(amax, 0) ; quant_absmax_f16(V, amax) ; quant_int8_per_tensor(V, amax -> V8, s_v)
//   quant_output_scale(s_v, levels -> fs[B,H,D])          (int8: 127, int8+u8p: 255, qsum: 1)
//   int8_v_transpose(V8 -> V8t)                           (int8_attention.cu)
// int8-plus uses quant_int8_per_channel(V -> V8, s_v[B,H,D]) and passes s_v itself as fs.
#include <cuda_fp16.h>
#include <cuda_fp8.h>
#include <stdint.h>

namespace {

constexpr int kQuantThreads = 256;

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

}  // namespace

// Per-token INT8 (Q, K rows): X [rows, D] f16 -> X8 [rows, D] s8, scale [rows].
// One warp per row; grid ceil(rows/8), 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_int8_per_token(
    const __half* X, int8_t* X8, float* scale, int rows, int D) {
  const int row = blockIdx.x * (kQuantThreads / 32) + (threadIdx.x >> 5), lane = threadIdx.x & 31;
  if (row >= rows) return;
  const __half* x = X + static_cast<long>(row) * D;
  float amax = 0.f;
  for (int d = lane; d < D; d += 32) amax = fmaxf(amax, fabsf(__half2float(x[d])));
  amax = warp_max(amax);
  float s, inv;
  int8_scales(amax, s, inv);
  if (lane == 0) scale[row] = s;
  int8_t* q = X8 + static_cast<long>(row) * D;
  for (int d = lane; d < D; d += 32) q[d] = quantize_int8(__half2float(x[d]), inv);
}

// amax over n f16 values, as FP32 bits, into *amaxBits, which must be 0 before the launch
// (cuMemsetD32). Grid-stride; any grid (e.g. 1024 blocks), 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_absmax_f16(
    const __half* X, long long n, unsigned int* amaxBits) {
  __shared__ float warpMax[kQuantThreads / 32];
  float amax = 0.f;
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n;
       i += stride)
    amax = fmaxf(amax, fabsf(__half2float(X[i])));
  amax = warp_max(amax);
  if ((threadIdx.x & 31) == 0) warpMax[threadIdx.x >> 5] = amax;
  __syncthreads();
  if (threadIdx.x < 32) {
    amax = threadIdx.x < kQuantThreads / 32 ? warpMax[threadIdx.x] : 0.f;
    amax = warp_max(amax);
    // Non-negative floats order like their bits.
    if (threadIdx.x == 0) atomicMax(amaxBits, __float_as_uint(amax));
  }
}

// Per-tensor INT8 (V of `int8`): X [n] f16 -> X8 [n] s8 with s = f32(amax/127) written to
// *scale. Grid-stride; any grid, 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_int8_per_tensor(
    const __half* X, int8_t* X8, const unsigned int* amaxBits, float* scale, long long n) {
  float s, inv;
  int8_scales(__uint_as_float(*amaxBits), s, inv);
  if (blockIdx.x == 0 && threadIdx.x == 0) *scale = s;
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n;
       i += stride)
    X8[i] = quantize_int8(__half2float(X[i]), inv);
}

// Per-channel INT8 (V of `int8-plus`, `int8+vchan`): amax over the N keys of each (b,h,d).
// X [BH, N, D] f16 -> X8 [BH, N, D] s8, scale [BH, D]. Grid (ceil(D/128), BH), 128 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(128) quant_int8_per_channel(
    const __half* X, int8_t* X8, float* scale, int BH, int N, int D) {
  (void)BH;
  const int bh = blockIdx.y, d = blockIdx.x * 128 + threadIdx.x;
  if (d >= D) return;
  const __half* x = X + static_cast<long>(bh) * N * D + d;
  float amax = 0.f;
  for (int k = 0; k < N; ++k) amax = fmaxf(amax, fabsf(__half2float(x[static_cast<long>(k) * D])));
  float s, inv;
  int8_scales(amax, s, inv);
  scale[static_cast<long>(bh) * D + d] = s;
  int8_t* q = X8 + static_cast<long>(bh) * N * D + d;
  for (int k = 0; k < N; ++k)
    q[static_cast<long>(k) * D] = quantize_int8(__half2float(x[static_cast<long>(k) * D]), inv);
}

// fs[i] = f32(*scale / levels) for i < count (int8: levels 127 -> f32(s_v/127); int8+u8p: 255;
// int8+qsum: 1 -> s_v). One thread per element, 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_output_scale(
    const float* scale, float* fs, int count, float levels) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count) fs[i] = __fdiv_rn(*scale, levels);
}

// FP8 e5m2, unscaled (`fp8`): x8 = e5m2(x), satfinite. Grid-stride, 256 threads.
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(kQuantThreads) quant_fp8_e5m2(
    const __half* X, uint8_t* X8, long long n) {
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n;
       i += stride)
    X8[i] = __nv_cvt_float_to_fp8(__half2float(X[i]), __NV_SATFINITE, __NV_E5M2);
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
  const long long stride = static_cast<long long>(gridDim.x) * blockDim.x;
  for (long long i = blockIdx.x * static_cast<long long>(blockDim.x) + threadIdx.x; i < n;
       i += stride)
    X8[i] = amax == 0.f ? 0
                        : __nv_cvt_float_to_fp8(__fdiv_rn(__half2float(X[i]), s), __NV_SATFINITE,
                                                __NV_E4M3);
}
