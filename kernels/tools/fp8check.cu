// Exhaustive check of the kernels' FP8 conversions by bits (attn_common.cuh, ATTN_NO_FP8_HARDWARE: what
// the compute_80 image runs, where sm_80 has no FP8 cvt) against cuda_fp8.h's, which compiles to
// the hardware cvt on the sm_89+ GPU this runs on: every float from +0 to the format's largest
// finite value rounded to e5m2 and to e4m3, and every pair of e4m3 codes widened to f16x2.
//   nvcc -O3 -std=c++17 -gencode=arch=compute_90a,code=sm_90a -I.. fp8check.cu -o out/fp8check
//   ./out/fp8check     # exit 0 and "fp8check: ALL PASS" when every value agrees
#include <cstdio>

#include "attn_common.cuh"

using attn::e4m3x2_to_half2_by_bits;
using attn::round_to_fp8;

struct Mismatches {
  unsigned long long count;
  uint32_t first;  // lowest input that disagreed (atomicMin), or ~0u
};

template <bool kE4M3>
__global__ void check_rounding(uint32_t maxBits, Mismatches* m) {
  for (uint64_t i = blockIdx.x * uint64_t{blockDim.x} + threadIdx.x; i <= maxBits;
       i += uint64_t{gridDim.x} * blockDim.x) {
    const float x = __uint_as_float(static_cast<uint32_t>(i));
    const float mine = kE4M3 ? round_to_fp8<3, -6>(x) : round_to_fp8<2, -14>(x);
    const __nv_fp8_storage_t code =
        __nv_cvt_float_to_fp8(x, __NV_SATFINITE, kE4M3 ? __NV_E4M3 : __NV_E5M2);
    const float ref = __half2float(__half(__nv_cvt_fp8_to_halfraw(code, kE4M3 ? __NV_E4M3 : __NV_E5M2)));
    if (__float_as_uint(mine) != __float_as_uint(ref)) {
      atomicAdd(&m->count, 1ull);
      atomicMin(&m->first, static_cast<uint32_t>(i));
    }
  }
}

__global__ void check_widening(Mismatches* m) {
  const uint32_t pair = blockIdx.x * blockDim.x + threadIdx.x;  // two codes, c0 in the low byte
  if (pair >= 65536u) return;
  const uint32_t c0 = pair & 0xFF, c1 = pair >> 8;
  if ((c0 & 0x7F) == 0x7F || (c1 & 0x7F) == 0x7F) return;  // NaN codes: not produced
  const uint32_t mine = e4m3x2_to_half2_by_bits(__byte_perm(pair, 0u, 0x1404));
  const __half2_raw h = __nv_cvt_fp8x2_to_halfraw2(static_cast<__nv_fp8x2_storage_t>(pair), __NV_E4M3);
  const uint32_t ref = static_cast<uint32_t>(h.x) | (static_cast<uint32_t>(h.y) << 16);
  if (mine != ref) {
    atomicAdd(&m->count, 1ull);
    atomicMin(&m->first, pair);
  }
}

static bool report(const char* what, Mismatches* d, unsigned long long tested) {
  Mismatches h;
  if (cudaDeviceSynchronize() != cudaSuccess ||
      cudaMemcpy(&h, d, sizeof h, cudaMemcpyDeviceToHost) != cudaSuccess) {
    std::printf("%s: CUDA error %s\n", what, cudaGetErrorString(cudaGetLastError()));
    return false;
  }
  std::printf("%-34s %llu values, %llu differ%s", what, tested, h.count, h.count ? "" : "\n");
  if (h.count) std::printf(" (first: input bits 0x%08x)\n", h.first);
  return h.count == 0;
}

int main() {
  Mismatches* d;
  if (cudaMalloc(&d, sizeof(Mismatches)) != cudaSuccess) {
    std::printf("fp8check: cudaMalloc failed (no GPU?)\n");
    return 1;
  }
  const Mismatches zero{0, ~0u};
  bool ok = true;
  const uint32_t kE4M3Max = 0x43E00000u, kE5M2Max = 0x47600000u;  // 448, 57344
  cudaMemcpy(d, &zero, sizeof zero, cudaMemcpyHostToDevice);
  check_rounding<true><<<4096, 256>>>(kE4M3Max, d);
  ok &= report("e4m3 rounding, floats 0 .. 448", d, kE4M3Max + 1ull);
  cudaMemcpy(d, &zero, sizeof zero, cudaMemcpyHostToDevice);
  check_rounding<false><<<4096, 256>>>(kE5M2Max, d);
  ok &= report("e5m2 rounding, floats 0 .. 57344", d, kE5M2Max + 1ull);
  cudaMemcpy(d, &zero, sizeof zero, cudaMemcpyHostToDevice);
  check_widening<<<256, 256>>>(d);
  ok &= report("e4m3x2 -> f16x2 widening", d, 254ull * 254ull);
  std::printf("fp8check: %s\n", ok ? "ALL PASS" : "FAIL");
  return ok ? 0 : 1;
}
