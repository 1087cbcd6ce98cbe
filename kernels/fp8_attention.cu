// FP8 FlashAttention forward (methods `fp8` = e5m2 unscaled, the paper's baseline, and
// `fp8-e4m3` = per-tensor scaled e4m3; docs/ARITHMETIC.md). Q, K, V arrive as FP8 codes and are
// widened (exactly) to f16 for the f16 main loop of attn_forward.cuh: on wgmma the producer
// warpgroup of the warp-specialized schedule copies each K/V block raw (TMA) and widens it into
// an f16 stage of the consumers' ring (v56; Q is widened once, by the consumers), on mma.sync each
// warp widens the fragments it loads from the 8-bit tiles. P̃ = e5m2(p), resp. e4m3(f32(p·256)),
// widened to f16 for the m16n8k16 P·V mma. r and fs come from the host (e4m3: r = f32(f32(c·s_q)·s_k),
// fs = f32(s_v/256); e5m2: r = c, fs = 1).
//
// `fp8-native` has the contract of `fp8-e4m3` but runs it on the FP8 tensor cores (sm_89+):
// Q·Kᵀ and P·V are e4m3 m16n8k32 mma with f32 accumulators, no widening. Its P̃ is the A operand
// of an 8-bit k32 mma, so V comes as V8t e4m3 codes (transposed and key-permuted by
// int8_v_transpose, which moves bytes of any kind). Whatever separates its output from the
// emulation's is the FP8 tensor core's own accumulation.
#include "attn_forward.cuh"

// Launch shapes (attn_forward.cuh, "Launch shapes"): the mma.sync shape per head dimension, wgmma
// on sm_90a. fp8 / fp8-e4m3 widen to f16 tiles and then run fp16's main loop, with its shapes:
// three consumer warpgroups and a widening producer on sm_90a (v56: +22% at D = 64 and +80% at
// D = 128, N = 16k, over the plain schedule's widening pass; results/2026-12-03-h200-v56-fp8-ws).
// Bc per path: 128-key blocks on wgmma, as fp16's there (v59 at D = 64: +18-19% at N = 4k and
// 16k, +12-15% at 1k, results/2026-12-03-h200-v59-ab; v60 at D = 128: fp8 +6-7% at 1k and 16k,
// fp8-e4m3 +1-3.5%, results/2026-12-03-h200-v60-fp8-d128), and 64 on mma.sync (at D = 64 their
// 128-key form spills 140-244 bytes at 255 registers on sm_80 / sm_89; at D = 128 fp16 itself
// takes 64 there). On wgmma four f16 stages of 32 KB and two raw stages fit beside Q at D = 64; at
// D = 128 two f16 stages of 64 KB and one raw stage.
// No short-sequence entry: on the plain schedule (one warpgroup per block, every thread widening
// each block's K and V between the block's two barriers) it ran 9% slower than the main entry at
// N = 1k and 20-29% from 2k (results/2026-12-04-h200-v67-selftest, fp8-short.diff); the widening
// must stay off the consumers' path (TUNING.md next step 9).
#ifndef ATTN_SHAPE_FP_D64
#define ATTN_SHAPE_FP_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, false, false, false)
#endif
#ifndef ATTN_KEYS_FP_D64
#define ATTN_KEYS_FP_D64 ATTN_KEYS_OR_WGMMA(64, 128)
#endif
#ifndef ATTN_SHAPE_FP_D128
#define ATTN_SHAPE_FP_D128 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#endif
#ifndef ATTN_KEYS_FP_D128
#define ATTN_KEYS_FP_D128 ATTN_KEYS_OR_WGMMA(64, 128)
#endif
// fp8-native keeps 8-bit tiles in shared memory like the INT8 kernels: their shapes and Bc, wgmma
// (QGMMA, Hopper's native FP8 path) on sm_90a, warp-specialized (TUNING.md v20 at D = 128, v22 at
// D = 64 with 128-key blocks, v39 at D = 128 with 128-key blocks: +11% in kcheck run 71), mma.sync
// e4m3 (native on sm_89) elsewhere.
#ifndef ATTN_SHAPE_FP8NATIVE_D64
#define ATTN_SHAPE_FP8NATIVE_D64 ATTN_SHAPE_OR_WGMMA_WS(8, 1, 1, false, false, false, false)
#endif
#ifndef ATTN_KEYS_FP8NATIVE_D64
#define ATTN_KEYS_FP8NATIVE_D64 128
#endif
// The short-sequence entry (attn_forward.cuh, "Short sequences"), run up to N = 2048, and 4096
// under the causal mask (v66): with its K/V by TMA (v65) it was +19% / +3.5% over the main entry at
// 1k / 2k and -3% at 4k, and under the mask +24 / +9.6 / +4% at 1k / 2k / 4k and -2% at 8k
// (results/2026-12-04-h200-paper-v65 perf/, -v65-short-bounds). With cp.async loads (before v65)
// it ran up to 1k, 2k under the mask (kcheck runs 56, 80-81).
#ifndef ATTN_SHAPE_FP8NATIVE_D64_SHORT
#define ATTN_SHAPE_FP8NATIVE_D64_SHORT ATTN_SHAPE_OR_WGMMA_SHORT(8, 1, 1, false, false, false, false)
#endif
#ifndef ATTN_SHORT_N_FP8NATIVE_D64
#define ATTN_SHORT_N_FP8NATIVE_D64 2048
#endif
#ifndef ATTN_SHORT_N_FP8NATIVE_D64_CAUSAL
#define ATTN_SHORT_N_FP8NATIVE_D64_CAUSAL 4096
#endif
#ifndef ATTN_SHAPE_FP8NATIVE_D128
#define ATTN_SHAPE_FP8NATIVE_D128 ATTN_SHAPE_OR_WGMMA_WS(8, 1, 1, false, true, false, false)
#endif
#ifndef ATTN_KEYS_FP8NATIVE_D128
#define ATTN_KEYS_FP8NATIVE_D128 128
#endif
// The short-sequence entry at D = 128: one warpgroup per block, three blocks an SM, with the plain
// schedule's TMA copies, since v70 (v41-v69: the main entry in persistent blocks). Its 8-bit stages
// fit three blocks an SM in 161 registers. With L2 emptied before each sample (kcheck --perf-cold,
// three rounds; results/2026-12-04-h200-v70-d128-one-wg): +22 / +8 / +2.3% over the main entry at
// 1k / 2k / 4k (the persistent form +11% at 1k, level from 2k), 6% behind at 8k; under the mask
// +12.6% at 2k, level at 8k. Up to N = 4096, and 4096 under the mask.
#ifndef ATTN_SHAPE_FP8NATIVE_D128_SHORT
#define ATTN_SHAPE_FP8NATIVE_D128_SHORT ATTN_SHAPE_OR_WGMMA_SHORT(8, 1, 1, false, true, false, false)
#endif
#ifndef ATTN_SHORT_N_FP8NATIVE_D128
#define ATTN_SHORT_N_FP8NATIVE_D128 4096
#endif
#ifndef ATTN_SHORT_N_FP8NATIVE_D128_CAUSAL
#define ATTN_SHORT_N_FP8NATIVE_D128_CAUSAL 4096
#endif
// 1: fp8-native's denominator counts the e4m3 P̃ its P̃·V multiplies, summed by the FP8 tensor
// cores (an e4m3 ones tile beside the P̃·V wgmma), w = P̃; 0: p summed on the FP32 pipes, w = p.
// On the emulation the count of P̃ lowers its error on uniform inputs by 9-31% at D = 64 and 4-16%
// at D = 128 (results/2026-12-03-cpu-ptilde-denominator); on the H200 it runs +1-2.6% faster at
// D = 64 and 2.7% slower at D = 128 (results/2026-12-03-h200-v51-candidate) with a separate
// m64n8k32 ones wgmma; at D = 128 the ones are 8 more rows of each V8t stage instead, one m64n136k32
// wgmma per k-step (AttnTraits::kOnesInV), 0.6-1.9% faster than w = p and 4-16% lower error on
// uniform inputs (kernels v52, results/2026-12-03-h200-paper-v52).
// fp8-e4m3 (widened to f16) keeps w = p.
#ifndef ATTN_FP8NATIVE_TENSOR_ROW_SUMS_D64
#define ATTN_FP8NATIVE_TENSOR_ROW_SUMS_D64 1
#endif
#ifndef ATTN_FP8NATIVE_TENSOR_ROW_SUMS_D128
#define ATTN_FP8NATIVE_TENSOR_ROW_SUMS_D128 1
#endif

namespace {
using attn::AttnTraits;
using attn::PvHalf;
using attn::PvFp8Mma;
using attn::QkFp8Mma;
using attn::QkHalf;
using attn::RoundE4M3x256;
using attn::RoundE5M2;

// fp8's e5m2 tiles are widened in registers on mma.sync (attn_forward.cuh, "FP8 widened in
// registers"), in shared memory for wgmma (sm_90a); fp8-e4m3's in shared memory on both paths.
// On wgmma at D = 64 fp8's P̃ = e5m2(p) is packed four codes at once (RoundE5M2<true>, kernels v63):
// +2.6% at N = 16k, +5% at 2k and 4k (kcheck, three rounds; results/2026-12-04-h200-v63-e5m2-pack),
// where the same form at D = 128 ran 2.4% slower at 16k (and pairs without cuda_fp8.h's
// zero-extension 2.2%: results/2026-12-04-h200-v64-e5m2-pairs). The mma.sync images keep the pairs
// (not measured).
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
using E5M2 = attn::Fp8Operand<false>;
using RoundE5M2D64 = RoundE5M2<true>;
#else
using E5M2 = attn::E5M2RegisterOperand;
using RoundE5M2D64 = RoundE5M2<>;
#endif
using E4M3 = attn::Fp8Operand<true>;
//                                   D  Bc  shape (warps, m-tiles, minBlocks, ...)  QK   PV
using Fp8E5M2D64 = AttnTraits<64, ATTN_KEYS_FP_D64, ATTN_SHAPE_FP_D64, QkHalf<E5M2>, PvHalf<E5M2, RoundE5M2D64>>;
using Fp8E5M2D128 = AttnTraits<128, ATTN_KEYS_FP_D128, ATTN_SHAPE_FP_D128, QkHalf<E5M2>, PvHalf<E5M2, RoundE5M2<>>>;
using Fp8E4M3D64 = AttnTraits<64, ATTN_KEYS_FP_D64, ATTN_SHAPE_FP_D64, QkHalf<E4M3>, PvHalf<E4M3, RoundE4M3x256>>;
using Fp8E4M3D128 = AttnTraits<128, ATTN_KEYS_FP_D128, ATTN_SHAPE_FP_D128, QkHalf<E4M3>, PvHalf<E4M3, RoundE4M3x256>>;
// fp8-native's P̃·V per D: its denominator counts P̃ where ATTN_FP8NATIVE_TENSOR_ROW_SUMS_D* say so.
using Fp8NativePvD64 = PvFp8Mma<ATTN_FP8NATIVE_TENSOR_ROW_SUMS_D64 != 0>;
using Fp8NativePvD128 = PvFp8Mma<ATTN_FP8NATIVE_TENSOR_ROW_SUMS_D128 != 0>;
using Fp8NativeD64 = AttnTraits<64, ATTN_KEYS_FP8NATIVE_D64, ATTN_SHAPE_FP8NATIVE_D64, QkFp8Mma, Fp8NativePvD64>;
using Fp8NativeD64Short = AttnTraits<64, ATTN_KEYS_FP8NATIVE_D64, ATTN_SHAPE_FP8NATIVE_D64_SHORT, QkFp8Mma, Fp8NativePvD64>;
using Fp8NativeD128 = AttnTraits<128, ATTN_KEYS_FP8NATIVE_D128, ATTN_SHAPE_FP8NATIVE_D128, QkFp8Mma, Fp8NativePvD128>;
using Fp8NativeD128Short = AttnTraits<128, ATTN_KEYS_FP8NATIVE_D128, ATTN_SHAPE_FP8NATIVE_D128_SHORT, QkFp8Mma, Fp8NativePvD128>;
}  // namespace

// Entry: grid (ceil(N / launch[0]), B*H), or about one block per SM for a persistent entry
// (launch[5]), block launch[2] threads, launch[3] bytes of dynamic shared memory. V8 is V [B,H,N,D]
// codes, or V8t [B,H,D,Npad] for fp8-native.
#define ATTN_FP8_ENTRY(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                         \
  ATTN_EXPORT_LAUNCH(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                           \
  extern "C" __global__ void __launch_bounds__(TRAITS::kThreads, TRAITS::kMinBlocks)              \
      NAME(const uint8_t* Q8, const uint8_t* K8, const uint8_t* V8, __half* O, int B, int H,      \
           int N, int causal, float r, float fs, const __grid_constant__ attn::TensorMaps maps) { \
    const attn::AttnParams p{Q8, nullptr, K8, nullptr, V8, nullptr, O, N, causal, r, fs, &maps, B * H};  \
    attn::attention_entry<TRAITS, MAX_N>(p);                                                      \
  }

// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8e5m2_d64, Fp8E5M2D64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8e5m2_d128, Fp8E5M2D128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8e4m3_d64, Fp8E4M3D64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8e4m3_d128, Fp8E4M3D128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8native_d64, Fp8NativeD64, ATTN_IF_FP8_MMA(ATTN_ANY_N), ATTN_IF_FP8_MMA(ATTN_ANY_N))
// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8native_d64_short, Fp8NativeD64Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP8NATIVE_D64),
               ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP8NATIVE_D64_CAUSAL))
// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8native_d128, Fp8NativeD128, ATTN_IF_FP8_MMA(ATTN_ANY_N), ATTN_IF_FP8_MMA(ATTN_ANY_N))
// loaded by the Java backend
ATTN_FP8_ENTRY(attn_fp8native_d128_short, Fp8NativeD128Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP8NATIVE_D128),
               ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP8NATIVE_D128_CAUSAL))
