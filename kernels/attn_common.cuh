// Shared building blocks of the attention kernels: PTX wrappers (cp.async, ldmatrix, mma.sync,
// wgmma), the shared-memory swizzle, and the rounding primitives of docs/ARITHMETIC.md.
//
// The sm_80 features (mma.sync, ldmatrix, cp.async) build for every target; wgmma only for the
// sm_90a image (stubs elsewhere, never launched). FP8 conversions use cuda_fp8.h, which emits the
// sm_89+ cvt instructions and a bit-exact software path below sm_89.
#pragma once

#include <cuda_fp16.h>
#include <cuda_fp8.h>
#include <stdint.h>

#include "fp8_codes.cuh"

namespace attn {

// ---------------------------------------------------------------------------------------------
// Rounding primitives (docs/ARITHMETIC.md, "Rounding primitives")
// ---------------------------------------------------------------------------------------------

// ex2(x): 2^x in FP32 through the MUFU unit (ex2.approx.ftz.f32, one SASS instruction).
__device__ __forceinline__ float ex2(float x) {
  float y;
  asm("ex2.approx.ftz.f32 %0, %1;" : "=f"(y) : "f"(x));
  return y;
}

// A float whose bits are kMagicSigned + n equals 1.5 * 2^23 + n exactly for |n| < 2^22: an int32
// mma.sync accumulator started at kMagicSigned converts to float with one exact FADD (no I2F: the
// CUDA guide rates conversions at 16/clk/SM, far below FADD; the sm_80/sm_89 paths keep this start
// unmeasured against I2FP. The wgmma sums use sum_to_float, whose I2FP was measured: TUNING v16).
constexpr int kMagicSigned = 0x4B400000;         // bits of 12582912.0f = 1.5 * 2^23
constexpr float kMagicSignedF = 12582912.0f;
// f32(v + 2^23) for 0 <= v < 2^22 rounds v to the nearest integer, ties to even (= rint(v)), and
// leaves that integer in the low bits: bits = 0x4B000000 + rint(v).
constexpr float kMagicUnsignedF = 8388608.0f;     // 2^23
constexpr uint32_t kMagicUnsigned = 0x4B000000u;

// float(n) for an int32 accumulator that started at kMagicSigned (exact).
__device__ __forceinline__ float magic_to_float(int bits) {
  return __fsub_rn(__int_as_float(bits), kMagicSignedF);
}

// float(n) of an exact s32 wgmma sum, which starts from the wgmma's scale-d = 0 (no start value
// written): I2FP, exact for |n| < 2^24 (TUNING.md v16: one instruction per sum instead of the
// magic start's IMAD.MOV + FSUB). The f32 overload lets the FP8 fold share the code.
__device__ __forceinline__ float sum_to_float(int n) { return __int2float_rn(n); }
__device__ __forceinline__ float sum_to_float(float x) { return x; }

// rint(p·levels) of the exact product, for 0 <= p·levels < 2^22, left as 0x4B000000 + rint (its
// low byte is the u8/s8 code): one FFMA, whose single rounding lands where the FP32 ulp is 1.
__device__ __forceinline__ uint32_t rint_scaled_to_magic(float p, float levels) {
  return __float_as_uint(__fmaf_rn(p, levels, kMagicUnsignedF));
}

// Four magic-rounded integers in [0, 255] -> one register of four bytes, b0 in the low byte.
// (b1 << 8) + b0 keeps q1:q0 in the low 16 bits because 0x4B000000 << 8 vanishes mod 2^32.
__device__ __forceinline__ uint32_t pack_magic_bytes(uint32_t b0, uint32_t b1, uint32_t b2,
                                                     uint32_t b3) {
  const uint32_t lo = (b1 << 8) + b0;
  const uint32_t hi = (b3 << 8) + b2;
  return __byte_perm(lo, hi, 0x5410);
}

// h(x) of two floats, packed f16x2 (lo in the low half).
__device__ __forceinline__ uint32_t pack_half2(float lo, float hi) {
  __half2 h = __floats2half2_rn(lo, hi);
  return *reinterpret_cast<uint32_t*>(&h);
}

// sm_80 has no FP8 conversion instructions (ATTN_NO_FP8_HARDWARE, fp8_codes.cuh), and the
// cuda_fp8.h fallbacks cost tens of instructions a value: on the compute_80 image fp8 and
// fp8-e4m3 ran at 18-95 TFLOP/s on the H200, fp16 at 285-300 (results/2026-12-03-h200-v54-mma-sync).
// So below sm_89 the kernels round and widen with the few integer and FADD steps below, which
// give the same bits as cvt.rn.satfinite for what the kernels feed them: finite x >= 0 no larger
// than the format's largest value (P̃'s p in [0, 1], or p·256 for e4m3), so saturation never acts.
// Checked against cuda_fp8.h's conversion over every float in that range (kernels/tools/fp8check.cu).
// The same images lack the FP8 tensor-core mma (attn_forward.cuh, ATTN_IF_FP8_MMA).

// x (finite, >= 0) rounded to the nearest value with kMant mantissa bits, ties to even, normals
// from 2^kMinExp on and subnormals below it (a multiple of 2^(kMinExp - kMant)), as a float.
template <int kMant, int kMinExp>
__device__ __forceinline__ float round_to_fp8(float x) {
  constexpr int kDrop = 23 - kMant;  // float mantissa bits that rounding removes
  const uint32_t bits = __float_as_uint(x);
  const uint32_t normal =
      (bits + ((1u << (kDrop - 1)) - 1u) + ((bits >> kDrop) & 1u)) & ~((1u << kDrop) - 1u);
  // Below 2^kMinExp the step is fixed: adding 2^(kMinExp - kMant + 23), where a float's ulp is
  // that step, rounds x to it (ties to even), and subtracting it again is exact.
  constexpr float kShift = static_cast<float>(1 << (kMinExp - kMant + 23));
  constexpr uint32_t kMinNormal = static_cast<uint32_t>(127 + kMinExp) << 23;  // 2^kMinExp's bits
  const float sub = __fsub_rn(__fadd_rn(x, kShift), kShift);
  return bits < kMinNormal ? sub : __uint_as_float(normal);
}

// Two e4m3 codes, each the high byte of a 16-bit half ([0, c0, 0, c1]), as f16x2: each code's
// exponent and mantissa moved to an f16's low exponent and top mantissa bits (the sign stays on
// top) read 2^8 too small, subnormals included, so one f16x2 multiply by 256 finishes it, exactly.
// (The NaN codes 0x7F / 0xFF become ±480: satfinite quantization never makes them.)
__device__ __forceinline__ uint32_t e4m3x2_to_half2_by_bits(uint32_t high_bytes) {
  uint32_t h2 = ((high_bytes >> 1) & 0x3F803F80u) | (high_bytes & 0x80008000u);
  __half2 x = *reinterpret_cast<__half2*>(&h2);
  x = __hmul2(x, __float2half2_rn(256.f));
  return *reinterpret_cast<uint32_t*>(&x);
}

// e5m2(x) of two floats, widened (exactly) to f16x2. An e5m2 code is the high byte of the f16.
__device__ __forceinline__ uint32_t pack_e5m2_as_half2(float lo, float hi) {
#if ATTN_NO_FP8_HARDWARE
  return pack_half2(round_to_fp8<2, -14>(lo), round_to_fp8<2, -14>(hi));  // e5m2 values are f16s
#else
  const uint32_t codes = __nv_cvt_float2_to_fp8x2(make_float2(lo, hi), __NV_SATFINITE, __NV_E5M2);
  return __byte_perm(codes, 0u, 0x1404);
#endif
}

// e5m2 of (a, b) and (c, d), widened to f16x2 each (h0, h1): the same bits as two
// pack_e5m2_as_half2. Each pair's 16-bit codes named in PTX, where cuda_fp8.h's conversion
// returns them zero-extended (a LOP3 per pair before the byte permute); ptxas then converts the
// second pair straight into the first's upper half (F2FP's MERGE_C), so four codes cost two F2FP
// and two PRMT instead of two of each and two LOP3 (kernels v63, TUNING.md). What it gains is this
// form's schedule, not the LOP3s: pairs without them ran 1-3% slower than this form
// (results/2026-12-04-h200-v64-e5m2-pairs).
__device__ __forceinline__ void pack_e5m2x4_as_half2x2(float a, float b, float c, float d, uint32_t& h0,
                                                      uint32_t& h1) {
#if ATTN_NO_FP8_HARDWARE
  h0 = pack_e5m2_as_half2(a, b);
  h1 = pack_e5m2_as_half2(c, d);
#else
  asm("{\n .reg .b16 c0, c1;\n .reg .b32 w;\n cvt.rn.satfinite.e5m2x2.f32 c0, %3, %2;\n"
      " cvt.rn.satfinite.e5m2x2.f32 c1, %5, %4;\n mov.b32 w, {c0, c1};\n"
      " prmt.b32 %0, w, 0, 0x1404;\n prmt.b32 %1, w, 0, 0x3424;\n}"
      : "=r"(h0), "=r"(h1)
      : "f"(a), "f"(b), "f"(c), "f"(d));
#endif
}

// e4m3(x) of two floats, widened (exactly) to f16x2.
__device__ __forceinline__ uint32_t pack_e4m3_as_half2(float lo, float hi) {
#if ATTN_NO_FP8_HARDWARE
  return pack_half2(round_to_fp8<3, -6>(lo), round_to_fp8<3, -6>(hi));  // e4m3 values are f16s
#else
  const __nv_fp8x2_storage_t codes =
      __nv_cvt_float2_to_fp8x2(make_float2(lo, hi), __NV_SATFINITE, __NV_E4M3);
  const __half2_raw h = __nv_cvt_fp8x2_to_halfraw2(codes, __NV_E4M3);
  return static_cast<uint32_t>(h.x) | (static_cast<uint32_t>(h.y) << 16);
#endif
}

// Codes kI and kJ of four FP8 codes (one register, code 0 in the low byte) as f16x2 (code kI in
// the low half). e5m2 takes any pair (the P̃·V fragments widened in registers pair codes 0, 2
// and 1, 3); e4m3 is widened in registers nowhere, so only its halves (0, 1 and 2, 3) are needed.
template <bool kE4M3, int kI, int kJ>
__device__ __forceinline__ uint32_t fp8_pair_to_half2(uint32_t codes) {
  constexpr uint32_t kHighBytes = 0x0404u | (kI << 4) | (kJ << 12);  // [0, c_kI, 0, c_kJ]
  if constexpr (kE4M3 && ATTN_NO_FP8_HARDWARE) {
    return e4m3x2_to_half2_by_bits(__byte_perm(codes, 0u, kHighBytes));
  } else if constexpr (kE4M3) {
    static_assert(kI % 2 == 0 && kJ == kI + 1, "e4m3: the low or the high half of the register");
    // The half named in PTX (mov.b32 {lo, hi}) rather than cut out into a 16-bit value for
    // cuda_fp8.h: ptxas then reads the high half with F2FP's .H1 operand select, one SHF fewer
    // per four codes. The widening producers are issue-bound at D = 128: this alone gained e4m3 1.5-3%,
    // and e4m3x2_to_half2_by_bits here (more instructions, no conversion pipe) lost 12%
    // (results/2026-12-03-h200-v61-e4m3).
    uint32_t h2;
    if constexpr (kI == 0) {
      asm("{\n .reg .b16 lo, hi;\n mov.b32 {lo, hi}, %1;\n cvt.rn.f16x2.e4m3x2 %0, lo;\n}" : "=r"(h2) : "r"(codes));
    } else {
      asm("{\n .reg .b16 lo, hi;\n mov.b32 {lo, hi}, %1;\n cvt.rn.f16x2.e4m3x2 %0, hi;\n}" : "=r"(h2) : "r"(codes));
    }
    return h2;
  } else {
    return __byte_perm(codes, 0u, kHighBytes);  // an e5m2 code is the high byte of its f16
  }
}

// Four FP8 codes (one register, code 0 in the low byte) -> four f16 values (two f16x2 registers).
template <bool kE4M3>
__device__ __forceinline__ void fp8x4_to_half4(uint32_t codes, uint32_t& lo, uint32_t& hi) {
  lo = fp8_pair_to_half2<kE4M3, 0, 1>(codes);
  hi = fp8_pair_to_half2<kE4M3, 2, 3>(codes);
}

// ---------------------------------------------------------------------------------------------
// cp.async, ldmatrix, mma.sync
// ---------------------------------------------------------------------------------------------

__device__ __forceinline__ uint32_t smem_addr(const void* p) {
  return static_cast<uint32_t>(__cvta_generic_to_shared(p));
}

// 16 bytes global -> shared, bypassing L1; zero-filled when !valid (src is then not read).
__device__ __forceinline__ void cp_async_16(uint32_t dst, const void* src, bool valid) {
  const int n = valid ? 16 : 0;
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(dst), "l"(src), "r"(n)
               : "memory");
}

__device__ __forceinline__ void cp_async_commit() {
  asm volatile("cp.async.commit_group;\n" ::: "memory");
}

template <int kPending>
__device__ __forceinline__ void cp_async_wait() {
  asm volatile("cp.async.wait_group %0;\n" ::"n"(kPending) : "memory");
}

__device__ __forceinline__ void ldmatrix_x4(uint32_t (&r)[4], uint32_t addr) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0,%1,%2,%3}, [%4];\n"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(addr));
}

__device__ __forceinline__ void ldmatrix_x4_trans(uint32_t (&r)[4], uint32_t addr) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0,%1,%2,%3}, [%4];\n"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(addr));
}

// d += a * b, m16n8k16, f16 operands, f32 accumulators.
__device__ __forceinline__ void mma_f16(float (&d)[4], const uint32_t (&a)[4], uint32_t b0,
                                        uint32_t b1) {
  asm volatile(
      "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
      "{%0,%1,%2,%3};\n"
      : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
}

// d += a * b, m16n8k32, s8 (or u8 when kUnsignedA) A, s8 B, s32 accumulators (exact).
template <bool kUnsignedA>
__device__ __forceinline__ void mma_i8(int (&d)[4], const uint32_t (&a)[4], uint32_t b0,
                                       uint32_t b1) {
  if constexpr (kUnsignedA) {
    asm volatile(
        "mma.sync.aligned.m16n8k32.row.col.s32.u8.s8.s32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
        "{%0,%1,%2,%3};\n"
        : "+r"(d[0]), "+r"(d[1]), "+r"(d[2]), "+r"(d[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
  } else {
    asm volatile(
        "mma.sync.aligned.m16n8k32.row.col.s32.s8.s8.s32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
        "{%0,%1,%2,%3};\n"
        : "+r"(d[0]), "+r"(d[1]), "+r"(d[2]), "+r"(d[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
  }
}

// d += a * b, m16n8k32, e4m3 A and B, f32 accumulators: the native FP8 tensor-core path, sm_89+.
// The fatbin's entry list is the same for every target, so older targets get a trapping stub;
// the Java side refuses fp8-native below compute capability 8.9 before it could launch one.
__device__ __forceinline__ void mma_e4m3(float (&d)[4], const uint32_t (&a)[4], uint32_t b0,
                                         uint32_t b1) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 890
  asm volatile(
      "mma.sync.aligned.m16n8k32.row.col.f32.e4m3.e4m3.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, "
      "{%0,%1,%2,%3};\n"
      : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
#else
  (void)d, (void)a, (void)b0, (void)b1;
  __trap();
#endif
}

// e4m3(x) of four floats -> one register of four codes, x0 in the low byte (an 8-bit mma operand).
__device__ __forceinline__ uint32_t pack_e4m3x4(float x0, float x1, float x2, float x3) {
  const uint32_t lo = __nv_cvt_float2_to_fp8x2(make_float2(x0, x1), __NV_SATFINITE, __NV_E4M3);
  const uint32_t hi = __nv_cvt_float2_to_fp8x2(make_float2(x2, x3), __NV_SATFINITE, __NV_E4M3);
  return lo | (hi << 16);
}

// ---------------------------------------------------------------------------------------------
// wgmma (sm_90a): warpgroup-wide asynchronous tensor-core mma, operands in shared memory described
// by 64-bit descriptors. Compiled only for the sm_90a target (__CUDA_ARCH_FEAT_SM90_ALL); other
// targets get trapping stubs, and the traits that use them are chosen for sm_90a only.
// ---------------------------------------------------------------------------------------------

// A descriptor from its two words. Shared addresses stay below 2^18 (228 KB), so the start field
// is addr >> 4 without a mask, and the descriptors of one tile differ only by offset >> 4 in the
// low word: callers pass the tile and a constant offset, and each descriptor costs one add on
// the tile's (the mask, shifts and 64-bit ORs per wgmma were ~8% of the INT8 loop's instructions).
__device__ __forceinline__ uint64_t smem_desc_words(uint32_t lo, uint32_t hi) {
  uint64_t d;
  asm("mov.b64 %0, {%1, %2};" : "=l"(d) : "r"(lo), "r"(hi));
  return d;
}

// Shared-memory matrix descriptor of a K-major tile whose rows are 64 or 128 bytes, swizzled as
// tile_offset() below lays them out (that XOR pattern is the hardware's 64B / 128B swizzle when
// the tile starts on a 512 / 1024-byte boundary), at byte offset off of the tile. Fields: start
// address >> 4 (bits 0-13), leading byte offset >> 4 (16-29; unused for swizzled K-major, 1 by
// convention), stride byte offset >> 4 (32-45: 8 rows), swizzle mode (62-63: 1 = 128B, 2 = 64B).
template <int kRowBytes>
__device__ __forceinline__ uint64_t smem_desc(uint32_t tile, uint32_t off) {
  static_assert(kRowBytes == 64 || kRowBytes == 128, "swizzled rows of 64 or 128 bytes");
  constexpr uint32_t kSwizzle = kRowBytes == 128 ? 1 : 2;
  constexpr uint32_t kStride = 8 * kRowBytes;
  return smem_desc_words((tile >> 4) + (off >> 4) + (1u << 16), (kStride >> 4) | (kSwizzle << 30));
}

// Descriptor of an MN-major operand (16-bit types only): V as it is, [keys][channels], for the
// P̃·V B operand. Canonical 128B-swizzle layout: 64 channels (128 bytes) contiguous, 8 keys 128 B
// apart form a 1024-byte atom (stride byte offset: the next 8 keys), and the next 64 channels
// start kPanelBytes later (leading byte offset). tile_offset<16, rows> below lays V out so.
template <int kPanelBytes>
__device__ __forceinline__ uint64_t smem_desc_mn(uint32_t tile, uint32_t off) {
  return smem_desc_words((tile >> 4) + (off >> 4) + (uint32_t{kPanelBytes >> 4} << 16),
                         (1024u >> 4) | (1u << 30));
}

__device__ __forceinline__ void wgmma_fence() {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("wgmma.fence.sync.aligned;\n" ::: "memory");
#endif
}
__device__ __forceinline__ void wgmma_commit() {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("wgmma.commit_group.sync.aligned;\n" ::: "memory");
#endif
}
template <int kPending>
__device__ __forceinline__ void wgmma_wait() {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("wgmma.wait_group.sync.aligned %0;\n" ::"n"(kPending) : "memory");
#endif
}
// Shared memory written by cp.async (the generic proxy) must be fenced before wgmma (the async
// proxy) reads it; each writing thread fences before the barrier (or mbarrier arrive) that
// publishes the tile.
__device__ __forceinline__ void fence_proxy_async() {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("fence.proxy.async.shared::cta;\n" ::: "memory");
#endif
}
// mbarriers (sm_80+), for the producer/consumer ring of the warp-specialized schedule: a barrier
// completes a phase when `count` threads have arrived; a waiter names the phase by its parity
// (phase k has parity k & 1; the waiter must never be two phases ahead). arrive releases and
// try_wait acquires at CTA scope, so shared-memory writes before an arrive are visible after the
// wait that sees its phase complete.
__device__ __forceinline__ void mbar_init(uint32_t bar, int count) {
  asm volatile("mbarrier.init.shared::cta.b64 [%0], %1;\n" ::"r"(bar), "r"(count) : "memory");
}
__device__ __forceinline__ void mbar_arrive(uint32_t bar) {
  asm volatile("mbarrier.arrive.shared::cta.b64 _, [%0];\n" ::"r"(bar) : "memory");
}
__device__ __forceinline__ void mbar_wait(uint32_t bar, int parity) {
  asm volatile(
      "{\n"
      ".reg .pred done;\n"
      "WAIT:\n"
      "mbarrier.try_wait.parity.shared::cta.b64 done, [%0], %1;\n"
      "@!done bra WAIT;\n"
      "}\n" ::"r"(bar),
      "r"(parity)
      : "memory");
}
// TMA (sm_90a): a tensor map describes a global tensor (rank, sizes, strides) and the box one
// copy moves into shared memory, swizzled there as wgmma reads it; rows past a dimension's end
// arrive as zeros. One thread issues a whole tile, which completes as transaction bytes on an
// mbarrier whose phase that thread arms with the bytes it expects (mbar_arrive_expect_tx).
//
// The maps are built on the device (tensormap_encode), since the driver's encoder
// (cuTensorMapEncodeTiled) is not in JCuda: the 128 bytes start as zeros and every field the
// copies use is set with tensormap.replace, as Triton builds its device-side descriptors. Zero
// leaves the rest at their defaults: no interleave, no L2 promotion, out-of-bounds fill with
// zeros. The host passes the maps to the attention kernel by value (a __grid_constant__
// parameter, which TMA reads through its param-space address).
struct alignas(64) TensorMap {
  unsigned long long bits[16];
};
// tensormap.replace's elemtype and swizzle codes (the same as CUtensorMapDataType /
// CUtensorMapSwizzle for these values).
enum : int { kTmaU8 = 0 };
enum : int { kTmaSwizzle64B = 2, kTmaSwizzle128B = 3 };

// Dimension I of the map at shared address `map`: its size, its box's, element stride 1, and
// (I > 0) the byte stride between its elements.
template <int I>
__device__ __forceinline__ void tensormap_dim(uint32_t map, uint32_t dim, uint32_t box, unsigned long long stride) {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("tensormap.replace.tile.global_dim.shared::cta.b1024.b32 [%0], %1, %2;" ::"r"(map), "n"(I), "r"(dim)
               : "memory");
  asm volatile("tensormap.replace.tile.box_dim.shared::cta.b1024.b32 [%0], %1, %2;" ::"r"(map), "n"(I), "r"(box)
               : "memory");
  asm volatile("tensormap.replace.tile.element_stride.shared::cta.b1024.b32 [%0], %1, 1;" ::"r"(map), "n"(I)
               : "memory");
  if constexpr (I > 0)
    asm volatile("tensormap.replace.tile.global_stride.shared::cta.b1024.b64 [%0], %1, %2;" ::"r"(map), "n"(I - 1),
                 "l"(stride)
                 : "memory");
#endif
}
// Sets the map at shared address `map` (zeroed first) to a rank-3 tile map of elemtype Elem:
// sizes and box in elements, innermost first; strides[i] in bytes between consecutive elements of
// dimension i (strides[0] is unused: the innermost dimension is packed).
template <int Elem, int Swizzle>
__device__ __forceinline__ void tensormap_encode(uint32_t map, const void* base, const uint32_t (&dims)[3],
                                                 const uint32_t (&box)[3], const unsigned long long (&strides)[3]) {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("tensormap.replace.tile.global_address.shared::cta.b1024.b64 [%0], %1;" ::"r"(map), "l"(base)
               : "memory");
  asm volatile("tensormap.replace.tile.rank.shared::cta.b1024.b32 [%0], 2;" ::"r"(map) : "memory");
  tensormap_dim<0>(map, dims[0], box[0], 0);
  tensormap_dim<1>(map, dims[1], box[1], strides[1]);
  tensormap_dim<2>(map, dims[2], box[2], strides[2]);
  if constexpr (Elem != 0)
    asm volatile("tensormap.replace.tile.elemtype.shared::cta.b1024.b32 [%0], %1;" ::"r"(map), "n"(Elem) : "memory");
  if constexpr (Swizzle != 0)
    asm volatile("tensormap.replace.tile.swizzle_mode.shared::cta.b1024.b32 [%0], %1;" ::"r"(map), "n"(Swizzle)
                 : "memory");
#endif
}

__device__ __forceinline__ void mbar_arrive_expect_tx(uint32_t bar, uint32_t bytes) {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("mbarrier.arrive.expect_tx.shared::cta.b64 _, [%0], %1;\n" ::"r"(bar), "r"(bytes) : "memory");
#endif
}
// The box of `map` at element coordinates (c0, c1, c2), innermost first, into shared memory at dst.
__device__ __forceinline__ void tma_load(uint32_t dst, const TensorMap* map, int c0, int c1, int c2, uint32_t bar) {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile(
      "cp.async.bulk.tensor.3d.shared::cluster.global.tile.mbarrier::complete_tx::bytes [%0], [%1, {%2, %3, %4}], "
      "[%5];\n" ::"r"(dst),
      "l"(map), "r"(c0), "r"(c1), "r"(c2), "r"(bar)
      : "memory");
#endif
}
// `bytes` (a multiple of 16) from global src to shared dst, both 16-byte aligned, completing as
// transaction bytes on mbarrier bar like tma_load: a plain bulk copy, no tensor map.
__device__ __forceinline__ void bulk_load(uint32_t dst, const void* src, uint32_t bytes, uint32_t bar) {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("cp.async.bulk.shared::cluster.global.mbarrier::complete_tx::bytes [%0], [%1], %2, [%3];\n" ::"r"(dst),
               "l"(src), "r"(bytes), "r"(bar)
               : "memory");
#endif
}
// Hands registers between warpgroups (sm_90a): every warp of a warpgroup lowers (dec) or raises
// (inc) its per-thread register budget to kRegs, so that the warpgroups that need registers get
// those the others give up. Stub elsewhere (the warp-specialized schedule is sm_90a only).
template <int kRegs>
__device__ __forceinline__ void setmaxnreg_dec() {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("setmaxnreg.dec.sync.aligned.u32 %0;\n" ::"n"(kRegs));
#endif
}
template <int kRegs>
__device__ __forceinline__ void setmaxnreg_inc() {
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
  asm volatile("setmaxnreg.inc.sync.aligned.u32 %0;\n" ::"n"(kRegs));
#endif
}
// Named barriers 1..15 (0 is __syncthreads): waits until `count` threads have synced.
template <int kCount>
__device__ __forceinline__ void named_bar_sync(int id) {
  asm volatile("bar.sync %0, %1;\n" ::"r"(id), "n"(kCount) : "memory");
}
// The accumulator registers of an in-flight wgmma must not be read or moved by the compiler
// before wgmma_wait: this ties them to the wait.
template <int N>
__device__ __forceinline__ void wgmma_hold(int (&d)[N]) {
#pragma unroll
  for (int i = 0; i < N; ++i) asm volatile("" : "+r"(d[i])::"memory");
}
template <int N>
__device__ __forceinline__ void wgmma_hold(float (&d)[N]) {
#pragma unroll
  for (int i = 0; i < N; ++i) asm volatile("" : "+f"(d[i])::"memory");
}
// The A operand registers of a register-sourced (_RS) wgmma are read while it runs: this keeps
// them live until the wait it follows, so the compiler does not reuse them for other values.
template <int N, int M>
__device__ __forceinline__ void wgmma_keep(const uint32_t (&a)[N][M]) {
#pragma unroll
  for (int i = 0; i < N; ++i)
#pragma unroll
    for (int j = 0; j < M; ++j) asm volatile("" ::"r"(a[i][j]) : "memory");
}

// The wgmma wrappers the kernels use, one per shape and operand types. Inline PTX needs one operand
// per accumulator register, so the register lists are spelled out once here and the wrappers are
// stamped from two macros: _SS (A and B from shared memory) and _RS (A from registers, as the
// mma.sync m16n8k32 A fragment of each warp). NAME (scale-d = 1) accumulates onto d; NAME<0>
// (scale-d = 0) writes d = A·B, ignoring the values d holds (unset is fine). The FP8 forms take
// the immediate scales a, b = 1. On targets without wgmma they trap (never launched).
#define ATTN_WGMMA_D4 "{%0,%1,%2,%3}"
#define ATTN_WGMMA_D32 "{%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31}"
#define ATTN_WGMMA_D64 "{%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31,%32,%33,%34,%35,%36,%37,%38,%39,%40,%41,%42,%43,%44,%45,%46,%47,%48,%49,%50,%51,%52,%53,%54,%55,%56,%57,%58,%59,%60,%61,%62,%63}"
#define ATTN_WGMMA_D68 "{%0,%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15,%16,%17,%18,%19,%20,%21,%22,%23,%24,%25,%26,%27,%28,%29,%30,%31,%32,%33,%34,%35,%36,%37,%38,%39,%40,%41,%42,%43,%44,%45,%46,%47,%48,%49,%50,%51,%52,%53,%54,%55,%56,%57,%58,%59,%60,%61,%62,%63,%64,%65,%66,%67}"
#define ATTN_WGMMA_SS_AFTER_D32 "%32, %33, %34"
#define ATTN_WGMMA_SS_AFTER_D64 "%64, %65, %66"
#define ATTN_WGMMA_AFTER_D4 "{%4, %5, %6, %7}, %8, %9"
#define ATTN_WGMMA_AFTER_D32 "{%32, %33, %34, %35}, %36, %37"
#define ATTN_WGMMA_AFTER_D64 "{%64, %65, %66, %67}, %68, %69"
#define ATTN_WGMMA_AFTER_D68 "{%68, %69, %70, %71}, %72, %73"
#define ATTN_WGMMA_ACC4(c, i) c(d[i]), c(d[i + 1]), c(d[i + 2]), c(d[i + 3])
#define ATTN_WGMMA_ACC16(c, i) \
  ATTN_WGMMA_ACC4(c, i), ATTN_WGMMA_ACC4(c, i + 4), ATTN_WGMMA_ACC4(c, i + 8), ATTN_WGMMA_ACC4(c, i + 12)
#define ATTN_WGMMA_ACC_4(c) ATTN_WGMMA_ACC4(c, 0)
#define ATTN_WGMMA_ACC_32(c) ATTN_WGMMA_ACC16(c, 0), ATTN_WGMMA_ACC16(c, 16)
#define ATTN_WGMMA_ACC_64(c) ATTN_WGMMA_ACC_32(c), ATTN_WGMMA_ACC16(c, 32), ATTN_WGMMA_ACC16(c, 48)
#define ATTN_WGMMA_ACC_68(c) ATTN_WGMMA_ACC_64(c), ATTN_WGMMA_ACC4(c, 64)
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
#define ATTN_WGMMA_ASM(...) asm volatile(__VA_ARGS__)
#else
#define ATTN_WGMMA_ASM(...) __trap()
#endif

// NAME(d, descA, descB): d (m64 x N, ACC) += A·B, K = 32 (8-bit) or 16 (f16). TYPES: "s32.s8.s8"
// etc.; TAIL: the immediate scale (and, for f16, transpose) operands.
#define ATTN_WGMMA_SS(NAME, N, K, TYPES, ACC, C, REGS, TAIL)                                   \
  template <int kScaleD = 1>                                                                 \
  __device__ __forceinline__ void NAME(ACC (&d)[REGS], uint64_t descA, uint64_t descB) {    \
    (void)d, (void)descA, (void)descB;                                                       \
    ATTN_WGMMA_ASM("wgmma.mma_async.sync.aligned.m64n" #N "k" #K "." TYPES " " ATTN_WGMMA_D##REGS \
                   ", " ATTN_WGMMA_SS_AFTER_D##REGS TAIL ";\n"                                  \
                   : ATTN_WGMMA_ACC_##REGS(C)                                               \
                   : "l"(descA), "l"(descB), "n"(kScaleD));                                 \
  }
// NAME(d, a, descB): d (m64 x N, ACC) += A·B, A = a[4] per thread.
#define ATTN_WGMMA_RS(NAME, N, K, TYPES, ACC, C, REGS, TAIL)                                   \
  template <int kScaleD = 1>                                                                 \
  __device__ __forceinline__ void NAME(ACC (&d)[REGS], const uint32_t (&a)[4], uint64_t descB) { \
    (void)d, (void)a, (void)descB;                                                           \
    ATTN_WGMMA_ASM("wgmma.mma_async.sync.aligned.m64n" #N "k" #K "." TYPES " " ATTN_WGMMA_D##REGS \
                   ", " ATTN_WGMMA_AFTER_D##REGS TAIL ";\n"                                     \
                   : ATTN_WGMMA_ACC_##REGS(C)                                               \
                   : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "l"(descB), "n"(kScaleD)); \
  }

// Q·Kᵀ: INT8 (exact s32), FP8 e4m3 (Hopper's native FP8 path, QGMMA; mma.sync e4m3 on sm_90 is
// lowered to f16 HMMA) and f16 (HGMMA; both operands K-major: trans-a = trans-b = 0), 64 rows x
// Bc = 64 or 128 keys.
ATTN_WGMMA_SS(wgmma_s8_m64n64k32_ss, 64, 32, "s32.s8.s8", int, "+r", 32, "")
ATTN_WGMMA_SS(wgmma_e4m3_m64n64k32_ss, 64, 32, "f32.e4m3.e4m3", float, "+f", 32, ", 1, 1")
ATTN_WGMMA_SS(wgmma_f16_m64n64k16_ss, 64, 16, "f32.f16.f16", float, "+f", 32, ", 1, 1, 0, 0")
ATTN_WGMMA_SS(wgmma_s8_m64n128k32_ss, 128, 32, "s32.s8.s8", int, "+r", 64, "")
ATTN_WGMMA_SS(wgmma_e4m3_m64n128k32_ss, 128, 32, "f32.e4m3.e4m3", float, "+f", 64, ", 1, 1")
ATTN_WGMMA_SS(wgmma_f16_m64n128k16_ss, 128, 16, "f32.f16.f16", float, "+f", 64, ", 1, 1, 0, 0")
// P̃·V: 64 rows x D channels, P̃ as s8 (int8), u8 (int8-plus) or e4m3 (fp8-native) against V8t
// (K-major), or as f16 against V itself ([keys][D], MN-major: trans-b = 1, 16-bit types only).
ATTN_WGMMA_RS(wgmma_s8_m64n64k32_rs, 64, 32, "s32.s8.s8", int, "+r", 32, "")
ATTN_WGMMA_RS(wgmma_u8_m64n64k32_rs, 64, 32, "s32.u8.s8", int, "+r", 32, "")
ATTN_WGMMA_RS(wgmma_e4m3_m64n64k32_rs, 64, 32, "f32.e4m3.e4m3", float, "+f", 32, ", 1, 1")
ATTN_WGMMA_RS(wgmma_f16_m64n64k16_rs_tb, 64, 16, "f32.f16.f16", float, "+f", 32, ", 1, 1, 1")
ATTN_WGMMA_RS(wgmma_s8_m64n128k32_rs, 128, 32, "s32.s8.s8", int, "+r", 64, "")
ATTN_WGMMA_RS(wgmma_u8_m64n128k32_rs, 128, 32, "s32.u8.s8", int, "+r", 64, "")
ATTN_WGMMA_RS(wgmma_e4m3_m64n128k32_rs, 128, 32, "f32.e4m3.e4m3", float, "+f", 64, ", 1, 1")
// P̃ times a tile of ones: the row sums of P̃ (the methods whose denominator counts P̃).
ATTN_WGMMA_RS(wgmma_s8_m64n8k32_rs, 8, 32, "s32.s8.s8", int, "+r", 4, "")
ATTN_WGMMA_RS(wgmma_u8_m64n8k32_rs, 8, 32, "s32.u8.s8", int, "+r", 4, "")
ATTN_WGMMA_RS(wgmma_f16_m64n8k16_rs, 8, 16, "f32.f16.f16", float, "+f", 4, ", 1, 1, 0")
ATTN_WGMMA_RS(wgmma_e4m3_m64n8k32_rs, 8, 32, "f32.e4m3.e4m3", float, "+f", 4, ", 1, 1")
// P̃ times V8t and 8 rows of ones after it, as one wgmma: fp8-native's P̃·V and its row sums at D = 128.
ATTN_WGMMA_RS(wgmma_e4m3_m64n136k32_rs, 136, 32, "f32.e4m3.e4m3", float, "+f", 68, ", 1, 1")
ATTN_WGMMA_RS(wgmma_f16_m64n128k16_rs_tb, 128, 16, "f32.f16.f16", float, "+f", 64, ", 1, 1, 1")

// ---------------------------------------------------------------------------------------------
// Shared-memory tiles
// ---------------------------------------------------------------------------------------------
//
// A tile is `rows` rows of kChunks 16-byte chunks (a row of D halves, D bytes, or 64 key bytes).
// ldmatrix reads 8 rows x 16 bytes at one chunk index; with rows 64/128/256 bytes apart those
// would sit in the same banks, so the chunk index is XOR-swizzled with the row:
//
//   kChunks >= 8 (rows of >= 128 B):  phys = chunk ^ (row & 7)          8 rows -> 8 bank groups
//   kChunks == 4 (rows of 64 B):      phys = chunk ^ ((row >> 1) & 3)   2 rows share a 128 B line,
//                                                                     (row & 1) picks its half
//
// wgmma reads 128B-swizzled rows of exactly 128 bytes, so a tile with longer rows (f16, D = 128:
// 256 B) is split for it into 128-byte column panels: with kPanelRows > 0, chunks 8p..8p+7 of
// every row go to panel p, a [kPanelRows][128 B] tile of its own at p·kPanelRows·128.
template <int kChunks, int kPanelRows = 0>
__device__ __forceinline__ uint32_t tile_offset(int row, int chunk) {
  static_assert(kChunks == 4 || kChunks >= 8, "tile rows must be 64 B or a multiple of 128 B");
  if constexpr (kPanelRows > 0 && kChunks > 8) {
    return static_cast<uint32_t>((chunk >> 3) * kPanelRows * 128) + tile_offset<8>(row, chunk & 7);
  } else {
    const int phys = kChunks >= 8 ? (chunk ^ (row & 7)) : (chunk ^ ((row >> 1) & 3));
    return static_cast<uint32_t>((row * kChunks + phys) * 16);
  }
}

// Copies a [kRows][kChunks*16 B] row-major global tile into shared memory with cp.async: swizzled
// (the layout ldmatrix reads without bank conflicts; kPaneled: in 128-byte panels for wgmma) or,
// with kSwizzled = false, row-contiguous (a staging buffer that is converted before use). Rows at
// or past rowsValid are zero-filled (their global memory is not read).
template <int kRows, int kChunks, int kThreads, bool kSwizzled = true, bool kPaneled = false>
__device__ __forceinline__ void copy_tile_async(uint32_t dst, const uint8_t* src, long rowStride,
                                                int rowsValid, int tid) {
  constexpr int kPanelRows = kPaneled ? kRows : 0;
  constexpr int kTotal = kRows * kChunks, kIters = (kTotal + kThreads - 1) / kThreads;
#pragma unroll
  for (int it = 0; it < kIters; ++it) {
    const int idx = it * kThreads + tid;
    if (kTotal % kThreads == 0 || idx < kTotal) {
      const int row = idx / kChunks, chunk = idx % kChunks;
      const bool valid = row < rowsValid;
      const uint8_t* s = src + (valid ? row * rowStride : 0) + chunk * 16;
      cp_async_16(dst + (kSwizzled ? tile_offset<kChunks, kPanelRows>(row, chunk) : uint32_t(idx * 16)),
                  s, valid);
    }
  }
}

// The same copy into a plain (unswizzled, row-contiguous) staging buffer.
template <int kRows, int kChunks, int kThreads>
__device__ __forceinline__ void copy_raw_async(uint32_t dst, const uint8_t* src, long rowStride,
                                               int rowsValid, int tid) {
  copy_tile_async<kRows, kChunks, kThreads, false>(dst, src, rowStride, rowsValid, tid);
}

// 16 FP8 codes as 16 f16 values, in two 16-byte chunks. FP8 -> FP16 is exact for e5m2 and e4m3.
struct WidenedChunk {
  uint4 lo, hi;
};
template <bool kE4M3>
__device__ __forceinline__ WidenedChunk widen_chunk(uint4 x) {
  WidenedChunk w;
  fp8x4_to_half4<kE4M3>(x.x, w.lo.x, w.lo.y);
  fp8x4_to_half4<kE4M3>(x.y, w.lo.z, w.lo.w);
  fp8x4_to_half4<kE4M3>(x.z, w.hi.x, w.hi.y);
  fp8x4_to_half4<kE4M3>(x.w, w.hi.z, w.hi.w);
  return w;
}

// Raw chunk c of a row (16 FP8 codes) as f16 chunks 2c and 2c+1 of row `row` of a swizzled
// [kRows][kD] f16 tile (kPaneled: in 128-byte panels for wgmma).
template <int kRows, int kD, bool kE4M3, bool kPaneled>
__device__ __forceinline__ void store_widened_chunk(uint4 x, uint8_t* f16Tile, int row, int c) {
  constexpr int kChunks = kD / 8, kPanelRows = kPaneled ? kRows : 0;
  const WidenedChunk w = widen_chunk<kE4M3>(x);
  *reinterpret_cast<uint4*>(f16Tile + tile_offset<kChunks, kPanelRows>(row, 2 * c)) = w.lo;
  *reinterpret_cast<uint4*>(f16Tile + tile_offset<kChunks, kPanelRows>(row, 2 * c + 1)) = w.hi;
}

// Widens a staged [kRows][D] FP8 tile into a swizzled [kRows][D] f16 tile (widen_chunk):
// the raw tile plain (row-contiguous, cp.async's staging), or with kRawSwizzled in tile_offset's
// layout (a TMA box's).
template <int kRows, int kD, int kThreads, bool kE4M3, bool kPaneled = false, bool kRawSwizzled = false>
__device__ __forceinline__ void widen_fp8_tile(const uint8_t* raw, uint8_t* f16Tile, int tid) {
  constexpr int kRawChunks = kD / 16, kTotal = kRows * kRawChunks;
  if constexpr (kRawSwizzled) {
    // Swizzled 128-byte raw rows widened into two panels (D = 128): taken in order, the eight
    // threads of a quarter warp (one 16-byte store each per shared-memory wavefront) write chunks
    // 2c of one row, c = 0..7, which sit in the same four 16-byte bank groups of the two panels: a
    // two-way conflict on every f16 store. So each quarter warp takes two rows r (even) and r + 1,
    // four raw chunks of each, from opposite halves of the row (c = 0..3 of one, 4..7 of the
    // other, swapped on the next step, the second of two phases): its raw reads and both f16
    // stores then cover all eight bank groups.
    constexpr bool kPairRows = kPaneled && kRawChunks == 8;
    constexpr int kPhases = kPairRows ? 2 : 1, kSteps = kTotal / kThreads, kRounds = kSteps / kPhases;
    // A thread's rows advance by kRoundRows a round, a multiple of both swizzles' 8-row period:
    // each of its addresses is its phase's first one plus a constant, an immediate in SASS. Made
    // per chunk from the row and chunk index, they were 25 of a chunk's 36 instructions in v61's
    // rolled loop at D = 128, and fully unrolled they spilled the consumers' row sums (v60); this
    // form unrolls fully without spills, +7-12% there (results/2026-12-03-h200-v62-ab).
    constexpr int kQuarters = kThreads / 8, kRoundRows = kPairRows ? 2 * kQuarters : kThreads / kRawChunks;
    static_assert(kTotal % kThreads == 0 && kSteps % kPhases == 0 && kRoundRows % 8 == 0 &&
                      kRows == kRounds * kRoundRows && (!kPairRows || kThreads % 8 == 0),
                  "whole rounds of whole swizzle periods");
    constexpr int kChunks = kD / 8, kPanelRows = kPaneled ? kRows : 0;
    constexpr int kRawStride = kRoundRows * kRawChunks * 16;
    constexpr int kWideStride = kRoundRows * (kPaneled && kChunks > 8 ? 8 : kChunks) * 16;
    // The phases one after the other: a quarter warp's stores are conflict-free within each
    // step, whatever the steps' order.
#pragma unroll
    for (int ph = 0; ph < kPhases; ++ph) {
      int row = tid / kRawChunks, c = tid % kRawChunks;
      if constexpr (kPairRows) {
        const int l = tid & 7, sub = l >> 2;
        row = 2 * (tid >> 3) + sub;
        c = (l & 3) + 4 * (sub ^ ph);
      }
      const uint32_t src = tile_offset<kRawChunks>(row, c), lo = tile_offset<kChunks, kPanelRows>(row, 2 * c),
                     hi = tile_offset<kChunks, kPanelRows>(row, 2 * c + 1);
#pragma unroll
      for (int r = 0; r < kRounds; ++r) {
        const WidenedChunk w = widen_chunk<kE4M3>(*reinterpret_cast<const uint4*>(raw + src + r * kRawStride));
        *reinterpret_cast<uint4*>(f16Tile + lo + r * kWideStride) = w.lo;
        *reinterpret_cast<uint4*>(f16Tile + hi + r * kWideStride) = w.hi;
      }
    }
  } else {
#pragma unroll
    for (int it = 0; it < (kTotal + kThreads - 1) / kThreads; ++it) {
      const int idx = it * kThreads + tid;
      if (kTotal % kThreads == 0 || idx < kTotal) {
        const int row = idx / kRawChunks, c = idx % kRawChunks;
        const uint32_t at = static_cast<uint32_t>(idx * 16);
        store_widened_chunk<kRows, kD, kE4M3, kPaneled>(*reinterpret_cast<const uint4*>(raw + at), f16Tile, row, c);
      }
    }
  }
}

// widen_fp8_tile for a raw tile that the f16 tile overlaps (staged in its upper half): every
// thread reads its chunks, the threads sync (`sync`), then each writes its widened chunks.
template <int kRows, int kD, int kThreads, bool kE4M3, bool kPaneled, class Sync>
__device__ __forceinline__ void widen_fp8_tile_in_place(const uint8_t* raw, uint8_t* f16Tile, int tid, Sync sync) {
  constexpr int kRawChunks = kD / 16, kTotal = kRows * kRawChunks, kIters = kTotal / kThreads;
  static_assert(kTotal % kThreads == 0, "whole chunks per thread");
  uint4 x[kIters];
#pragma unroll
  for (int it = 0; it < kIters; ++it) x[it] = *reinterpret_cast<const uint4*>(raw + (it * kThreads + tid) * 16);
  sync();
#pragma unroll
  for (int it = 0; it < kIters; ++it) {
    const int idx = it * kThreads + tid;
    store_widened_chunk<kRows, kD, kE4M3, kPaneled>(x[it], f16Tile, idx / kRawChunks, idx % kRawChunks);
  }
}

}  // namespace attn
