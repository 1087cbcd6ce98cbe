// Exhaustive host check of attn::fp8_code_satfinite (fp8_codes.cuh), the FP8 quantizers' conversion
// below sm_89, against cuda_fp8.h's __nv_cvt_float_to_fp8(x, __NV_SATFINITE, ...), whose host code
// is the software path those GPUs ran before: all 2^32 floats, e4m3 and e5m2. No GPU needed.
//   nvcc -O3 -std=c++17 -Xcompiler -fopenmp -I.. fp8codes.cu -o out/fp8codes && ./out/fp8codes
#include <cuda_fp8.h>

#include <cstdio>

#include "fp8_codes.cuh"

template <bool kE4M3>
static bool check(const char* name) {
  unsigned long long differ = 0;
  uint32_t first = ~0u;
#pragma omp parallel for reduction(+ : differ) reduction(min : first) schedule(static)
  for (long long i = 0; i <= 0xFFFFFFFFll; ++i) {
    const float x = attn::bits_float(static_cast<uint32_t>(i));
    const uint8_t mine = attn::fp8_code_satfinite<kE4M3>(x);
    const uint8_t ref = __nv_cvt_float_to_fp8(x, __NV_SATFINITE, kE4M3 ? __NV_E4M3 : __NV_E5M2);
    if (mine != ref) {
      ++differ;
      if (static_cast<uint32_t>(i) < first) first = static_cast<uint32_t>(i);
    }
  }
  std::printf("%s: 4294967296 floats, %llu differ", name, differ);
  if (differ) std::printf(" (first: input bits 0x%08x)", first);
  std::printf("\n");
  return differ == 0;
}

int main() {
  const bool ok = check<true>("e4m3 satfinite") & check<false>("e5m2 satfinite");
  std::printf("fp8codes: %s\n", ok ? "ALL PASS" : "FAIL");
  return ok ? 0 : 1;
}
