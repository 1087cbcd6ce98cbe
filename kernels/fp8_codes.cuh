// FP8 without FP8 hardware. sm_80 has no FP8 conversion instructions (cvt to and from e4m3 / e5m2
// is sm_89+), and cuda_fp8.h's software path below sm_89 goes through FP64 and tens of
// instructions a value, so the kernels built for those targets convert with the integer steps
// here (and in attn_common.cuh), bit for bit what cvt.rn.satfinite gives.
#pragma once

#include <stdint.h>

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ < 890
#define ATTN_NO_FP8_HARDWARE 1
#else
#define ATTN_NO_FP8_HARDWARE 0
#endif

namespace attn {

__host__ __device__ inline uint32_t float_bits(float x) {
#if defined(__CUDA_ARCH__)
  return __float_as_uint(x);
#else
  uint32_t b;
  __builtin_memcpy(&b, &x, sizeof b);
  return b;
#endif
}

__host__ __device__ inline float bits_float(uint32_t b) {
#if defined(__CUDA_ARCH__)
  return __uint_as_float(b);
#else
  float x;
  __builtin_memcpy(&x, &b, sizeof x);
  return x;
#endif
}

// a + b rounded to nearest even, never contracted or reassociated away.
__host__ __device__ inline float add_rn(float a, float b) {
#if defined(__CUDA_ARCH__)
  return __fadd_rn(a, b);
#else
  volatile float s = a + b;
  return s;
#endif
}

// The FP8 code of any float x (e4m3, or e5m2), rounded to nearest even and saturated to the
// largest finite value (±448, ±57344), NaN to 0x7F: cvt.rn.satfinite's result, and
// cuda_fp8.h's __nv_cvt_float_to_fp8(x, __NV_SATFINITE, ...) below sm_89 (checked over all 2^32
// floats by kernels/tools/fp8codes.cu). Normal codes round the float's bits (the FP8 exponent is
// the float's rebiased); below the smallest FP8 normal the step is fixed, and adding and then
// subtracting a power of two rounds |x| to it, ties to even, exactly.
template <bool kE4M3>
__host__ __device__ inline uint8_t fp8_code_satfinite(float x) {
  constexpr int kMant = kE4M3 ? 3 : 2, kBias = kE4M3 ? 7 : 15, kDrop = 23 - kMant;
  constexpr uint32_t kMaxCode = kE4M3 ? 0x7Eu : 0x7Bu;
  constexpr uint32_t kMinNormalBits = static_cast<uint32_t>(127 + 1 - kBias) << 23;
  constexpr float kShift = static_cast<float>(1u << (23 + 1 - kBias - kMant));  // its ulp: that step
  constexpr float kSubScale = static_cast<float>(1u << (kBias - 1 + kMant));  // 1 / (FP8 subnormal step)
  const uint32_t bits = float_bits(x), sign = (bits >> 24) & 0x80u, mag = bits & 0x7FFFFFFFu;
  if (mag > 0x7F800000u) return 0x7Fu;  // NaN, canonical (positive) as cuda_fp8.h makes it
  uint32_t code;
  if (mag < kMinNormalBits) {  // FP8 subnormals and 0; the top rounds up to 2^kMant, the smallest normal's code
    const float ax = bits_float(mag);
    code = static_cast<uint32_t>(add_rn(add_rn(ax, kShift), -kShift) * kSubScale);
  } else {
    const uint32_t rounded = mag + ((1u << (kDrop - 1)) - 1u) + ((mag >> kDrop) & 1u);
    code = (rounded >> kDrop) - (static_cast<uint32_t>(127 - kBias) << kMant);
    if (code > kMaxCode) code = kMaxCode;
  }
  return static_cast<uint8_t>(sign | code);
}

}  // namespace attn
