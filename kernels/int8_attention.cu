// INT8 FlashAttention forward: the paper's full-INT8 kernel (`int8`), its ablations
// (`int8+u8p`, `int8+qsum`), `int8-plus`, and the half-INT8 kernel (`int8-half`);
// docs/ARITHMETIC.md. Q8, K8 are per-token s8 with FP32 scales s_q, s_k; Q·Kᵀ is an s8
// mma.sync m16n8k32 with exact s32 sums, u_k = f32(float(acc)·s_k[k]), r = f32(s_q[i]·c).
//
//   int8-half             P̃ = h(p) and f16 V: the f16 P·V path of fp16_attention.cu
//   int8 / int8+qsum      P̃ = rint(p·127) in s8, P·V by mma s8.s8  -> s32
//   int8+u8p / int8-plus  P̃ = rint(p·255) in u8, P·V by mma u8.s8  -> s32
//   int8 / int8+u8p       denominator from float p
//   int8+qsum / int8-plus denominator from Σ P̃ (exact integer sum per block)
// For the four INT8-P kernels O = h(f32(f32(acc·f32(1/l))·fs[b,h,d])); the host passes fs.
//
// V8t: the layout of V that the INT8 P·V mma reads
// ------------------------------------------------
// V8t is [B,H,D,Npad] s8: V transposed (keys fastest, so that a row of V8t is the "col" B
// operand of the P·V mma for one channel d), zero-padded to Npad = ceil(N/128)·128
// (padded_keys.cuh), and with the keys of every 32-key group permuted. The permutation makes the
// s32 accumulator fragment of Q·Kᵀ usable as the A operand of the P·V m16n8k32 mma with no
// shuffles:
//
//   Q·Kᵀ C fragment, n8 tile j of a 32-key group (thread g = lane/4, t = lane%4):
//       row g: keys 8j+2t, 8j+2t+1                 (j = 0..3)
//   so thread (g, t) holds, of each 32-key group, the 8 keys
//       2t, 2t+1 | 8+2t, 9+2t | 16+2t, 17+2t | 24+2t, 25+2t
//   P·V A fragment (m16n8k32, row-major 16x32): a0 = row g, k = 4t..4t+3; a2 = row g, k = 16+4t..
//   The thread packs its keys in that order, so k-position κ = 16h + 4t + e (h, e in 0..1 / 0..3)
//   carries key
//       key(κ) = 16h + 8·(e >> 1) + 2t + (e & 1)
//
//       κ :  0  1  2  3 |  4  5  6  7 |  8  9 10 11 | 12 13 14 15 | 16 17 18 19 | ... | 28 29 30 31
//     key :  0  1  8  9 |  2  3 10 11 |  4  5 12 13 |  6  7 14 15 | 16 17 24 25 | ... | 22 23 30 31
//           `-- t=0 --'  `-- t=1 --'   `-- t=2 --'   `-- t=3 --'   `-- t=0 --'         `-- t=3 --'
//
//   and V8t[b,h,d, 32G + κ] = V8[b,h, 32G + key(κ), d]   (0 where 32G + key(κ) >= N).
//   The B fragment b0 = (k = 4t..4t+3, n = g) is then 4 consecutive bytes of V8t row d = g,
//   which is what ldmatrix (non-transposed) hands thread (g, t).
#include "attn_forward.cuh"
#include "v8t_layout.cuh"  // key(κ) of the permutation above, and the block writer

// Launch shapes (attn_forward.cuh, "Launch shapes"): the mma.sync shape per head dimension; on
// sm_90a wgmma (IGMMA), warp-specialized (three consumer warpgroups and a producer warpgroup,
// TUNING.md v11, v19), with 128-key blocks (v22 at D = 64, v38 at D = 128). Bc (ATTN_KEYS_*) is
// the contract's: 128 at both D. The mma.sync shape at D = 64 is fp16's (two m-tiles a warp, v53):
// +12-17% for the INT8-P kernels, +17-18% for int8-half (results/2026-12-03-h200-v53-mma-sync).
#ifndef ATTN_SHAPE_INT8_D64
#define ATTN_SHAPE_INT8_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#endif
#ifndef ATTN_KEYS_INT8_D64
#define ATTN_KEYS_INT8_D64 128
#endif
// The short-sequence entries (attn_forward.cuh, "Short sequences"). Their bounds are where they
// measured faster than the main entry, which loads with TMA since v33 and s_k by one bulk copy
// since v36 (kcheck run 61, TUNING.md v36; before it v33b, v25, v26, v31): in kcheck, whose
// medians are of warm runs (the inputs in L2), and since v69 in the Java bench as well, which
// flushes L2 before each sample as the product's numbers do, and there favours the one-warpgroup
// entries at the margin (results/2026-12-04-h200-v69-cold-bounds).
// int8 and int8+u8p: one warpgroup per block, up to N = 4096, and 8192 under the causal mask (v69;
// v66-v68: 2048 and 4096). In the Java bench (two rounds, cold L2) the short entry took 2.7-2.8%
// less time than the main one at 4k and 1.6-1.9% at 8k under the mask, where kcheck had read it
// 3% behind to level at 4k.
// With its K/V by TMA (v65) it was +21% / +7% over the main entry at 1k / 2k, and at 4k 3% behind
// (int8+u8p level; medians of five rounds); under the mask +23 / +12 / +7.5% at 1k / 2k / 4k
// (int8+u8p the same) and 3-7% behind at 8k (int8+u8p +1.4%). Under the mask it also beat by
// 6.5-9.5% at 1k-4k the causal-only entries v44 had added for int8 and int8+u8p (the main entry in
// persistent blocks, run there up to 4k), which went in v66; they are in git history (17af338)
// (results/2026-12-04-h200-paper-v65 perf/, -v65-short-bounds). With cp.async loads (before v65):
// +8% at 1k, -5% at 2k (run 61), run up to N = 1024.
#ifndef ATTN_SHAPE_INT8_D64_SHORT
#define ATTN_SHAPE_INT8_D64_SHORT ATTN_SHAPE_OR_WGMMA_SHORT(4, 1, 1, false, false, false, false)
#endif
#ifndef ATTN_SHORT_N_INT8_D64
#define ATTN_SHORT_N_INT8_D64 4096
#endif
#ifndef ATTN_SHORT_N_INT8_D64_CAUSAL
#define ATTN_SHORT_N_INT8_D64_CAUSAL 8192
#endif
// int8-plus and int8+qsum (the quantized denominator): one warpgroup per block, as int8's, since v67
// (v42-v66: the main entry in persistent blocks, TileWalk, which since v48 ran 1.5% behind the main
// entry at 4k without the mask and 3-4% ahead with it, run 94). With the TMA copies of v65 the
// one-warpgroup entry beat the persistent one by 9% / 4% at 1k / 2k, and under the mask by 10 / 5 /
// 5% at 1k / 2k / 4k (int8+qsum alike), +7% over the main entry at 2k; at 4k without the mask
// int8+qsum's was +3.8% over the main entry and int8-plus's level with a wide spread, and under the
// mask at 8k +2.4% / +1% over the main entry (results/2026-12-04-h200-v67-int8plus-short). v67 kept
// the bounds of before (2048, causal 4096); a second call read the same (three rounds: int8+qsum
// +5.7% at 4k, int8-plus +0.4%; under the mask at 8k +0.9% / +2.1%,
// results/2026-12-04-h200-v67-selftest), so since v68 they run up to N = 4096, and 8192 under the
// mask. The two kernels share the bounds: int8-plus loses nothing where int8+qsum gains. In the
// Java bench both ran 4% faster at 4k and 3-4% at 8k under the mask than with v67's bounds
// (results/2026-12-04-h200-paper-v68), and one step further 0.7% faster at 8k and 1.1% at 16k under
// the mask (two rounds each; results/2026-12-04-h200-v69-cold-bounds): since v69 up to N = 8192,
// and 16384 under the mask.
#ifndef ATTN_SHORT_N_INT8PLUS_D64
#define ATTN_SHORT_N_INT8PLUS_D64 8192
#endif
#ifndef ATTN_SHORT_N_INT8PLUS_D64_CAUSAL
#define ATTN_SHORT_N_INT8PLUS_D64_CAUSAL 16384
#endif
#ifndef ATTN_SHAPE_INT8_D128
#define ATTN_SHAPE_INT8_D128 ATTN_SHAPE_OR_WGMMA_WS(8, 1, 1, false, true, false, false)
#endif
// The INT8-P kernels' short-sequence entries at D = 128: one warpgroup per block, three blocks an
// SM, with the plain schedule's TMA copies (v65), since v70: their 8-bit K and V8t stages (16 KB
// each, two of each beside an 8 KB Q tile) fit three blocks an SM, in 168 registers without spills,
// the block's P̃·V issued whole. With L2 emptied before each sample (kcheck --perf-cold, three
// rounds; results/2026-12-04-h200-v70-d128-one-wg) it beat v45-v69's short entry (the main entry in
// persistent blocks) by 10-12% at 1k and 4-6% at 2k, and the main entry by 21-28% / 7-15% there;
// at 4k int8's and int8+u8p's were 4% ahead of the main entry, int8-plus's and int8+qsum's 1% behind,
// and at 8k every one 4-7% behind (the persistent form was 0.5-3% ahead there). Under the mask:
// +12-18% at 2k; at 8k int8 +2.5%, int8+u8p level, int8-plus and int8+qsum 3.5% behind. Bounds:
// int8 and int8+u8p up to 4096 (causal 8192), int8-plus and int8+qsum up to 2048 (causal 4096).
#ifndef ATTN_SHAPE_INT8_D128_SHORT
#define ATTN_SHAPE_INT8_D128_SHORT ATTN_SHAPE_OR_WGMMA_SHORT(8, 1, 1, false, true, false, false)
#endif
#ifndef ATTN_SHORT_N_INT8_D128
#define ATTN_SHORT_N_INT8_D128 4096
#endif
#ifndef ATTN_SHORT_N_INT8_D128_CAUSAL
#define ATTN_SHORT_N_INT8_D128_CAUSAL 8192
#endif
#ifndef ATTN_SHORT_N_INT8PLUS_D128
#define ATTN_SHORT_N_INT8PLUS_D128 2048
#endif
#ifndef ATTN_SHORT_N_INT8PLUS_D128_CAUSAL
#define ATTN_SHORT_N_INT8PLUS_D128_CAUSAL 4096
#endif
// The INT8-P kernels' mid-sequence entries at D = 128 (v71): the main entry's shape in persistent
// blocks (TileWalk, one block an SM walking tiles), v45-v69's short entry, run above the short
// entry's bound and up to these. Against v70, which ran the main entry there (the Java bench, three
// rounds, results/2026-12-04-h200-paper-v71): int8 and int8+u8p 2.8-2.9% less time at 8k and
// 1.8-2.0% at 16k under the mask, int8-plus and int8+qsum 0.3-0.5% at 4k-8k and 0.9-1.3% at 8k
// under the mask. One step further, at 16k without the mask, the main entry is level (int8) or
// 1.5-2.0% faster (int8-plus, int8+qsum; results/2026-12-04-h200-v71-mid): up to 8192, and 16384
// under the mask, as v45-v69's bounds.
#ifndef ATTN_MID_N_INT8P_D128
#define ATTN_MID_N_INT8P_D128 8192
#endif
#ifndef ATTN_MID_N_INT8P_D128_CAUSAL
#define ATTN_MID_N_INT8P_D128_CAUSAL 16384
#endif
// Bc = 128 at D = 128 since v38 (kcheck run 69: int8 +26%, int8-plus +7.6% at N = 16k), once the
// rounds with masked keys ran in a loop of their own (AttnTraits::kMaskedRoundsApart) and fitted
// three consumer groups' registers without spills.
#ifndef ATTN_KEYS_INT8_D128
#define ATTN_KEYS_INT8_D128 128
#endif
// int8-half (s8 Q·Kᵀ, f16 P̃·V) on sm_90a: warp-specialized (TUNING.md v20 at D = 128, v22 at
// D = 64 with 128-key blocks), V read MN-major as fp16's.
#ifndef ATTN_SHAPE_INT8HALF_D64
#define ATTN_SHAPE_INT8HALF_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#endif
#ifndef ATTN_KEYS_INT8HALF_D64
#define ATTN_KEYS_INT8HALF_D64 128
#endif
// int8-half's short-sequence entries. At D = 64 one warpgroup per block since v67 (v42-v66: the
// main entry in persistent blocks): with v65's TMA copies it beat the persistent entry by 10% / 7% at
// 1k / 2k and under the mask by 7 / 5% at 1k / 2k, and the main entry by 3% at 2k and 4% at 4k
// causal, where the persistent one had fallen 4% / 1.4% behind it; 5% behind at 4k without the mask
// and at 8k with it (results/2026-12-04-h200-v67-int8half-short): up to N = 2048, and 4096 under
// the mask, as before. (A one-warpgroup entry with cp.async copies went in v33, slower than the TMA
// main entry at every N, kcheck run 56.)
// At D = 128 the main entry in persistent blocks (TileWalk, v42): kcheck run 79 measured +10% at 1k
// and level at 2k over the main entry; with every round in one loop (v45, run 88) +9% / +1.2% at
// 1k / 2k, and at 4k +13% and level in two rounds.
#ifndef ATTN_SHAPE_INT8HALF_D64_SHORT
#define ATTN_SHAPE_INT8HALF_D64_SHORT ATTN_SHAPE_OR_WGMMA_SHORT(4, 1, 1, false, false, false, false)
#endif
#ifndef ATTN_SHORT_N_INT8HALF_D64
#define ATTN_SHORT_N_INT8HALF_D64 2048
#endif
#ifndef ATTN_SHORT_N_INT8HALF_D64_CAUSAL
#define ATTN_SHORT_N_INT8HALF_D64_CAUSAL 4096
#endif
#ifndef ATTN_SHORT_N_INT8HALF_D128
#define ATTN_SHORT_N_INT8HALF_D128 2048
#endif
// With the causal mask, int8-half's D = 128 entry runs up to 2048: +17% at 1k, +7% at 2k, +1% at 4k
// (kcheck runs 80-81). Every other short entry has one bound: under the mask each was faster up to
// it, and not clearly faster beyond (results/2026-12-02-h200-short-causal).
#ifndef ATTN_SHORT_N_INT8HALF_D128_CAUSAL
#define ATTN_SHORT_N_INT8HALF_D128_CAUSAL 2048
#endif
// On mma.sync, fp16's D = 128 shape and Bc (v54: +19-22%, results/2026-12-03-h200-mma-sync-d128).
// The INT8-P kernels keep one m-tile and 128-key blocks there: two m-tiles on 64-key blocks ran
// level with them (-2 … +2%) and spilled 208 bytes.
#ifndef ATTN_SHAPE_INT8HALF_D128
#define ATTN_SHAPE_INT8HALF_D128 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#endif
#ifndef ATTN_KEYS_INT8HALF_D128
#define ATTN_KEYS_INT8HALF_D128 ATTN_KEYS_OR_WGMMA(64, 128)  // wgmma: v38, as int8's (kcheck run 69: +3.7% at N = 16k)
#endif
// 1: int8-half's denominator counts the f16 P̃ its P̃·V multiplies, summed by the tensor cores (a
// ones tile beside the P̃·V wgmma, as int8-plus's), w = P̃; 0: p summed on the FP32 pipes, w = p.
// The emulation's error does not move either way (results/2026-12-03-cpu-ptilde-denominator); the
// speed does (results/2026-12-03-h200-v51-candidate): +6-7% at D = 64 from N = 4k, where the FP32
// row sums cost most (kcheck run 96: +10% without them), but -2% (16k) to -15% (4k) at D = 128,
// where the ones wgmma costs more than the FADDs it saves.
#ifndef ATTN_INT8HALF_TENSOR_ROW_SUMS_D64
#define ATTN_INT8HALF_TENSOR_ROW_SUMS_D64 1
#endif
#ifndef ATTN_INT8HALF_TENSOR_ROW_SUMS_D128
#define ATTN_INT8HALF_TENSOR_ROW_SUMS_D128 0
#endif

namespace {
using attn::AttnTraits;
using attn::HalfOperand;
using attn::PvHalf;
using attn::PvInt8;
using attn::QkInt8;
using attn::RoundHalf;

//                                 D  Bc  shape (warps, m-tiles, minBlocks, ...)  QK  PV<u8 P, quantized denominator>
using Int8D64 = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64, QkInt8, PvInt8<false, false>>;
using Int8D128 = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<false, false>>;
using Int8U8pD64 = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64, QkInt8, PvInt8<true, false>>;
using Int8U8pD128 = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<true, false>>;
using Int8QsumD64 = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64, QkInt8, PvInt8<false, true>>;
using Int8QsumD128 = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<false, true>>;
using Int8PlusD64 = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64, QkInt8, PvInt8<true, true>>;
using Int8D64Short = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64_SHORT, QkInt8, PvInt8<false, false>>;
using Int8U8pD64Short = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64_SHORT, QkInt8, PvInt8<true, false>>;
using Int8QsumD64Short = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64_SHORT, QkInt8, PvInt8<false, true>>;
using Int8PlusD64Short = AttnTraits<64, ATTN_KEYS_INT8_D64, ATTN_SHAPE_INT8_D64_SHORT, QkInt8, PvInt8<true, true>>;
using Int8PlusD128 = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<true, true>>;
using Int8D128Short = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128_SHORT, QkInt8, PvInt8<false, false>>;
using Int8U8pD128Short = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128_SHORT, QkInt8, PvInt8<true, false>>;
using Int8QsumD128Short = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128_SHORT, QkInt8, PvInt8<false, true>>;
using Int8PlusD128Short = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128_SHORT, QkInt8, PvInt8<true, true>>;
// The mid-sequence entries: the main entries' shape, persistent (the last parameter).
using Int8D128Mid = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<false, false>, true>;
using Int8U8pD128Mid = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<true, false>, true>;
using Int8QsumD128Mid = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<false, true>, true>;
using Int8PlusD128Mid = AttnTraits<128, ATTN_KEYS_INT8_D128, ATTN_SHAPE_INT8_D128, QkInt8, PvInt8<true, true>, true>;
// int8-half's P̃·V per D: its denominator counts P̃ where ATTN_INT8HALF_TENSOR_ROW_SUMS_D* say so.
using Int8HalfPvD64 = PvHalf<HalfOperand, RoundHalf, ATTN_INT8HALF_TENSOR_ROW_SUMS_D64 != 0>;
using Int8HalfPvD128 = PvHalf<HalfOperand, RoundHalf, ATTN_INT8HALF_TENSOR_ROW_SUMS_D128 != 0>;
using Int8HalfD64 = AttnTraits<64, ATTN_KEYS_INT8HALF_D64, ATTN_SHAPE_INT8HALF_D64, QkInt8, Int8HalfPvD64>;
using Int8HalfD128 = AttnTraits<128, ATTN_KEYS_INT8HALF_D128, ATTN_SHAPE_INT8HALF_D128, QkInt8, Int8HalfPvD128>;
using Int8HalfD64Short = AttnTraits<64, ATTN_KEYS_INT8HALF_D64, ATTN_SHAPE_INT8HALF_D64_SHORT, QkInt8, Int8HalfPvD64>;
using Int8HalfD128Short = AttnTraits<128, ATTN_KEYS_INT8HALF_D128, ATTN_SHAPE_INT8HALF_D128, QkInt8, Int8HalfPvD128, true>;
}  // namespace

// Entries: grid (ceil(N / launch[0]), B*H), or about one block per SM for a persistent entry
// (launch[5]), block launch[2] threads, launch[3] bytes of dynamic shared memory. V8t [B,H,D,Npad]
// comes from int8_v_transpose.
#define ATTN_INT8_ENTRY(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                            \
  ATTN_EXPORT_LAUNCH(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                               \
  extern "C" __global__ void __launch_bounds__(TRAITS::kThreads, TRAITS::kMinBlocks)                  \
      NAME(const int8_t* Q8, const float* sq, const int8_t* K8, const float* sk,                      \
           const int8_t* V8t, const float* fs, __half* O, int B, int H, int N, int causal,            \
           float c, const __grid_constant__ attn::TensorMaps maps) {                                  \
    const attn::AttnParams p{reinterpret_cast<const uint8_t*>(Q8), sq,                                \
                             reinterpret_cast<const uint8_t*>(K8), sk,                                \
                             reinterpret_cast<const uint8_t*>(V8t), fs, O, N, causal, c, 1.f, &maps, B * H}; \
    attn::attention_entry<TRAITS, MAX_N>(p);                                                          \
  }

// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8_d64, Int8D64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8_d64_short, Int8D64Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D64),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D64_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8_d128, Int8D128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8_d128_short, Int8D128Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D128),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D128_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8_d128_mid, Int8D128Mid, ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128),
                ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8u8p_d64, Int8U8pD64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8u8p_d64_short, Int8U8pD64Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D64),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D64_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8u8p_d128, Int8U8pD128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8u8p_d128_short, Int8U8pD128Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D128),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8_D128_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8u8p_d128_mid, Int8U8pD128Mid, ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128),
                ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8qsum_d64, Int8QsumD64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8qsum_d64_short, Int8QsumD64Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D64),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D64_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8qsum_d128, Int8QsumD128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8qsum_d128_short, Int8QsumD128Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D128),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D128_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8qsum_d128_mid, Int8QsumD128Mid, ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128),
                ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8plus_d64, Int8PlusD64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8plus_d64_short, Int8PlusD64Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D64),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D64_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8plus_d128, Int8PlusD128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8plus_d128_short, Int8PlusD128Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D128),
                ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8PLUS_D128_CAUSAL))
// loaded by the Java backend
ATTN_INT8_ENTRY(attn_int8plus_d128_mid, Int8PlusD128Mid, ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128),
                ATTN_SHORT_UP_TO(ATTN_MID_N_INT8P_D128_CAUSAL))

// int8-half: r = f32(s_q[i]·c), P̃ = h(p), f16 V [B,H,N,D], fs = 1.
#define ATTN_INT8HALF_ENTRY(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                                   \
  ATTN_EXPORT_LAUNCH(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                                          \
  extern "C" __global__ void __launch_bounds__(TRAITS::kThreads, TRAITS::kMinBlocks)                             \
      NAME(const int8_t* Q8, const float* sq, const int8_t* K8, const float* sk, const __half* V,                \
           __half* O, int B, int H, int N, int causal, float c, const __grid_constant__ attn::TensorMaps maps) { \
    const attn::AttnParams p{reinterpret_cast<const uint8_t*>(Q8), sq,                                           \
                             reinterpret_cast<const uint8_t*>(K8), sk,                                           \
                             reinterpret_cast<const uint8_t*>(V), nullptr, O, N, causal, c, 1.f, &maps, B * H};         \
    attn::attention_entry<TRAITS, MAX_N>(p);                                                                     \
  }

// loaded by the Java backend
ATTN_INT8HALF_ENTRY(attn_int8half_d64, Int8HalfD64, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8HALF_ENTRY(attn_int8half_d64_short, Int8HalfD64Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8HALF_D64),
                    ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8HALF_D64_CAUSAL))
// loaded by the Java backend
ATTN_INT8HALF_ENTRY(attn_int8half_d128, Int8HalfD128, ATTN_ANY_N, ATTN_ANY_N)
// loaded by the Java backend
ATTN_INT8HALF_ENTRY(attn_int8half_d128_short, Int8HalfD128Short, ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8HALF_D128),
                    ATTN_SHORT_UP_TO(ATTN_SHORT_N_INT8HALF_D128_CAUSAL))

// V8 [BH, N, D] s8 -> V8t [BH, D, Npad] s8 (transposed, key-permuted, zero-padded; see "V8t").
// Grid (Npad/64, BH), 256 threads, no dynamic shared memory. D a multiple of 16, Npad = ceil(N/128)·128.
// (quantize.cu makes INT8 V8t from f16 V in one pass; this serves host-quantized codes and
// fp8-native's e4m3 codes.)
// loaded by the Java backend
extern "C" __global__ void __launch_bounds__(v8t::kThreads) int8_v_transpose(const int8_t* V8, int8_t* V8t,
                                                                   int BH, int N, int Npad,
                                                                   int D) {
  (void)BH;
  __shared__ __align__(16) int8_t tile[v8t::kKeys][v8t::kMaxD];
  const int bh = blockIdx.y, key0 = blockIdx.x * v8t::kKeys;
  const int chunksPerRow = D / 16;
  for (int idx = threadIdx.x; idx < v8t::kKeys * chunksPerRow; idx += blockDim.x) {
    const int k = idx / chunksPerRow, c = idx % chunksPerRow;
    int4 v = make_int4(0, 0, 0, 0);
    if (key0 + k < N)
      v = *reinterpret_cast<const int4*>(V8 + (static_cast<long>(bh) * N + key0 + k) * D + c * 16);
    *reinterpret_cast<int4*>(&tile[k][c * 16]) = v;
  }
  __syncthreads();
  v8t::store_block(tile, V8t, bh, key0, Npad, D);
}
