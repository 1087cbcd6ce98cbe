// FP16 FlashAttention-2 forward (method `fp16`, docs/ARITHMETIC.md): f16 tensor-core mma (wgmma
// m64nNk16 on sm_90a, mma.sync m16n8k16 elsewhere) with FP32 accumulation for Q·Kᵀ and P·V, P̃ = h(p), denominator from float p, r = c, fs = 1.
// The main loop is attn_forward.cuh; this file only picks traits and exports entries.
#include "attn_forward.cuh"

// Launch shapes (attn_forward.cuh, "Launch shapes"): the mma.sync shape per head dimension; on
// sm_90a wgmma (HGMMA: Q·Kᵀ with both operands from shared memory, P̃·V with P̃ from registers
// and V read MN-major), warp-specialized like the INT8 kernels (three consumer warpgroups; at
// D = 128 a ring of two 128-key stages: TUNING.md v20, 15% faster there than its plain schedule,
// and v39; at D = 64 with 128-key blocks, v22). Bc (ATTN_KEYS_*) is the contract's: 128 at both
// D (at D = 128 since v39, +12% in kcheck run 71, once its spill was gone).
// The mma.sync shape at D = 64 (v53): 4 warps of two m-tiles (128 rows, 32 a warp, as
// FlashAttention-2 runs it), Q read from shared memory per block, so that each K and V fragment
// feeds two mma: +8-13% over one m-tile (results/2026-12-03-h200-v53-mma-sync).
#ifndef ATTN_SHAPE_FP16_D64
#define ATTN_SHAPE_FP16_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#endif
#ifndef ATTN_KEYS_FP16_D64
#define ATTN_KEYS_FP16_D64 128
#endif
// The short-sequence entry (attn_forward.cuh, "Short sequences"), run up to N = 2048, and 4096
// under the causal mask (v66): with its K/V by TMA (v65) it was +19% / +5% over the main entry at
// 1k / 2k and level at 4k (-1.5% over five rounds), and under the mask +22 / +11 / +4.6% at
// 1k / 2k / 4k and -9% at 8k (results/2026-12-04-h200-paper-v65 perf/, -v65-short-bounds). Before
// v65, with cp.async loads, it ran up to 1k only (kcheck run 56: +3% at 1k, -9% at 2k).
#ifndef ATTN_SHAPE_FP16_D64_SHORT
#define ATTN_SHAPE_FP16_D64_SHORT ATTN_SHAPE_OR_WGMMA_SHORT(4, 1, 1, false, false, false, false)
#endif
#ifndef ATTN_SHORT_N_FP16_D64
#define ATTN_SHORT_N_FP16_D64 2048
#endif
#ifndef ATTN_SHORT_N_FP16_D64_CAUSAL
#define ATTN_SHORT_N_FP16_D64_CAUSAL 4096
#endif
// The mma.sync shape at D = 128 (v54) is FlashAttention-2's there too: 4 warps of two m-tiles on
// 64-key blocks, since two m-tiles of S and acc on 128-key blocks need 256 registers. So Bc is 64
// on mma.sync and 128 on wgmma, a contract that differs by path, as int8-half's (KernelTraits.keyBlock):
// +13-16% over one m-tile on 128-key blocks, 0.92-0.97x FlashAttention-2, where one m-tile on
// 64-key blocks was 5-6% slower (results/2026-12-03-h200-mma-sync-d128).
#ifndef ATTN_SHAPE_FP16_D128
#define ATTN_SHAPE_FP16_D128 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#endif
#ifndef ATTN_KEYS_FP16_D128
#define ATTN_KEYS_FP16_D128 ATTN_KEYS_OR_WGMMA(64, 128)
#endif
// The short-sequence entry at D = 128: the main entry's shape and arithmetic in persistent blocks
// (attn_forward.cuh, TileWalk), which load the next tile's Q and K/V under the current tile's last
// rounds. kcheck run 77 (H200) measured an earlier form +11% at N = 1k, +2% at 2k (TUNING.md v41);
// run up to N = 1024 (kernels v41).
#ifndef ATTN_SHORT_N_FP16_D128
#define ATTN_SHORT_N_FP16_D128 1024
#endif
// With the causal mask, up to 2048: kcheck run 80 measured it +13% at 1k and +1.3% at 2k causal,
// run 81 -7% at 4k (results/2026-12-02-h200-short-causal).
#ifndef ATTN_SHORT_N_FP16_D128_CAUSAL
#define ATTN_SHORT_N_FP16_D128_CAUSAL 2048
#endif
// 1: fp16's denominator counts its f16 P̃, summed by the tensor cores, as int8-half's does (a
// measurement switch for kcheck; the shipped fp16 sums p in FP32, FlashAttention-2's arithmetic).
#ifndef ATTN_FP16_TENSOR_ROW_SUMS
#define ATTN_FP16_TENSOR_ROW_SUMS 0
#endif

namespace {
using attn::AttnTraits;
using attn::HalfOperand;
using attn::PvHalf;
using attn::QkHalf;
using attn::RoundHalf;

using Fp16Pv = PvHalf<HalfOperand, RoundHalf, ATTN_FP16_TENSOR_ROW_SUMS != 0>;
//                                 D  Bc  shape (warps, m-tiles, minBlocks, ...)  QK   PV
using Fp16D64 = AttnTraits<64, ATTN_KEYS_FP16_D64, ATTN_SHAPE_FP16_D64, QkHalf<HalfOperand>, Fp16Pv>;
using Fp16D64Short = AttnTraits<64, ATTN_KEYS_FP16_D64, ATTN_SHAPE_FP16_D64_SHORT, QkHalf<HalfOperand>, Fp16Pv>;
using Fp16D128 = AttnTraits<128, ATTN_KEYS_FP16_D128, ATTN_SHAPE_FP16_D128, QkHalf<HalfOperand>, Fp16Pv>;
using Fp16D128Short = AttnTraits<128, ATTN_KEYS_FP16_D128, ATTN_SHAPE_FP16_D128, QkHalf<HalfOperand>, Fp16Pv, true>;
}  // namespace

// Entry: grid (ceil(N / launch[0]), B*H), or about one block per SM for a persistent entry
// (launch[5]), block launch[2] threads, launch[3] bytes of dynamic shared memory.
// r = c = softmax_scale·log2(e) (FP32), fs = 1.
#define ATTN_FP16_ENTRY(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                    \
  ATTN_EXPORT_LAUNCH(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                       \
  extern "C" __global__ void __launch_bounds__(TRAITS::kThreads, TRAITS::kMinBlocks)          \
      NAME(const __half* Q, const __half* K, const __half* V, __half* O, int B, int H, int N, \
           int causal, float r, float fs, const __grid_constant__ attn::TensorMaps maps) {    \
    const attn::AttnParams p{reinterpret_cast<const uint8_t*>(Q), nullptr,                    \
                             reinterpret_cast<const uint8_t*>(K), nullptr,                    \
                             reinterpret_cast<const uint8_t*>(V), nullptr, O, N, causal, r,   \
                             fs, &maps, B * H};                                                      \
    attn::attention_entry<TRAITS, MAX_N>(p);                                                  \
  }

// loaded by the Java backend
ATTN_FP16_ENTRY(attn_fp16_d64, Fp16D64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_FP16_ENTRY(attn_fp16_d64_short, Fp16D64Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP16_D64),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP16_D64_CAUSAL))
// loaded by the Java backend
ATTN_FP16_ENTRY(attn_fp16_d128, Fp16D128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_FP16_ENTRY(attn_fp16_d128_short, Fp16D128Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP16_D128),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_FP16_D128_CAUSAL))
