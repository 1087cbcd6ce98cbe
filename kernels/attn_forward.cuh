// The FlashAttention-2 forward main loop shared by every method (docs/ARITHMETIC.md).
//
// One thread block = kRows query rows of one (batch, head); each warp owns kMTiles m16 tiles
// (16 rows each) in registers. K/V blocks of Bc = 64 or 128 keys stream through shared memory with
// cp.async, double buffered (one __syncthreads per key block; the loads of block kb+1 fly while
// block kb is computed). Per key block:
//
//   S = Q·Kᵀ             (QK policy: f16 -> f32, s8 -> s32, or e4m3 -> f32; per-warp mma.sync
//                         m16n8k16/k32, or with Traits::kWgmma (the sm_90a image) warpgroup wgmma
//                         m64n64k16/k32 with both operands from shared memory)
//   online softmax       (m, l, alpha, p exactly as the contract writes them)
//   acc = acc·α + P̃·V    (PV policy: P rounded to f16/e5m2/e4m3 + f16 mma accumulating onto
//                         acc·α; P as e4m3 codes + e4m3 mma onto acc·α; or P quantized to
//                         s8/u8 + integer mma summed exactly per block and folded as
//                         fma(acc, α, pv); fp8-native on wgmma folds its FP32 block sums so too)
//
// Traits::kPipelined issues the Q·Kᵀ mma of block kb+1 before the softmax of block kb (two S
// buffers in ping-pong). It is correct but measured slower on the H100 (register pressure, see
// TUNING.md), so no shipped shape uses it.
//
// The differences between methods live in three small policies:
//   Operand  how Q, K or V sit in global and shared memory (f16, FP8 widened to f16, s8)
//   QK       how scores u are formed (u = acc, or u = f32(float(acc) * s_k[key]))
//   PV       how P is rounded and multiplied with V, and what the denominator counts
//
// Register fragments of mma.m16n8k16 / m16n8k32 (thread lane = 4*g + t):
//
//   C/S (16x8, f32 or s32)      A (16x16 f16 | 16x32 s8)         B (16x8 f16 | 32x8 s8), "col"
//   c0,c1: row g,   col 2t,2t+1  a0: row g,   k 2t..  | 4t..4t+3   b0: k 2t.. | 4t..4t+3, col g
//   c2,c3: row g+8, col 2t,2t+1  a1: row g+8, k 2t..  | 4t..        b1: k 8+2t | 16+4t.., col g
//                                a2: row g,   k 8+2t | 16+4t..
//                                a3: row g+8, k 8+2t | 16+4t..
//
// So the S accumulators of two adjacent n8 key tiles are exactly the A operand of an f16 P·V
// m16n8k16 step (no shuffles), and for the s8 P·V step the keys of V8t are permuted so that the
// same holds (see int8_attention.cu, "V8t").
#pragma once

#include <type_traits>

#include "attn_common.cuh"
#include "padded_keys.cuh"  // V8t's and s_k's Npad

// Launch shapes. Each kernel file names its shape per head dimension as "warps, m-tiles, min
// blocks per SM, Q·Kᵀ pipelined, Q from shared memory, wgmma, producer warp" (AttnTraits),
// overridable with -D for tuning runs (kernels/TUNING.md). On the sm_90a image (the H100's) every
// attention kernel runs on wgmma, in warpgroups of 64 rows (TUNING.md v6b-v10): three consumer
// warpgroups warp-specialized (ATTN_SHAPE_OR_WGMMA_WS: every main entry since v56, TUNING.md
// v11, v19, v20, v22, v56); the other targets keep the mma.sync shape each file gives as the
// argument. (Two warpgroups per block on the plain schedule, "8, 1, 1, false, true, true, false",
// was the widened FP8 kernels' shape up to v55; one warpgroup per block, four blocks per SM,
// "4, 1, 4, false, true, true, false", the INT8-P and fp8-native shape at D = 64 with 64-key
// blocks, v14-v21. Either can still be set with -D for tuning runs.)
#define ATTN_SHAPE_WGMMA_WS 12, 1, 1, false, true, true, true
// Short sequences (TUNING.md v23): some kernels have a second entry, NAME_short, with
// the same arithmetic (the same Bc, every operation in the same order, so the same bits) on one
// warpgroup per block and three blocks per SM. Three-group blocks of 192 rows fill the SMs poorly
// when N is small (N = 1k: 5.8 waves of one block per SM, each block's eight-stage ring filled for
// eight key blocks only); blocks of 64 rows, three to an SM, interleave and end evenly (their K/V
// by TMA since v65, AttnTraits::kPlainTma). The host
// runs NAME_short up to the N its launch array exports (ATTN_SHORT_UP_TO, the largest N where it
// was measured faster), NAME above. On targets other than sm_90a NAME_short is empty and exports
// -1: never run. At D = 128 the 8-bit-tile kernels' NAME_short is one warpgroup per block too
// (the INT8-P kernels' and fp8-native's, v70; v41-v69 the persistent form below); fp16's and
// int8-half's, whose f16 K/V stages would leave one such block an SM, are the main entry's shape in
// persistent blocks (TileWalk) instead (v41, v42). (int8-half's, int8-plus's and int8+qsum's D = 64
// ones were persistent too from v42 to v66.)
// A short entry exports a second bound for the causal mask, where the masked tiles' smaller work
// keeps some short entries ahead up to a larger N. (v44 to v65 also had causal-only entries,
// NAME_causal, for int8 and int8+u8p at D = 64; v65's one-warpgroup NAME_short beat them, v66.)
// Mid sequences (v71): the INT8-P kernels at D = 128 also have NAME_mid, the persistent form, which
// runs above NAME_short's bound and up to its own, where it beats both NAME_short and NAME. The
// host takes the first of NAME_short, NAME_mid whose bound serves the problem, else NAME.
#define ATTN_SHAPE_WGMMA_SHORT 4, 1, 3, false, true, true, false
// Bc is the contract's (docs/ARITHMETIC.md) and so the same on every target, except where a file
// gives one per instruction path: ATTN_KEYS_OR_WGMMA(mma.sync's, wgmma's). The entry exports which
// path its image took (launch[8]), and the Java side holds both (KernelTraits.keyBlock).
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
#define ATTN_KEYS_OR_WGMMA(MMA_SYNC, WGMMA) (WGMMA)
#define ATTN_SHAPE_OR_WGMMA_WS(...) ATTN_SHAPE_WGMMA_WS
#define ATTN_SHAPE_OR_WGMMA_SHORT(...) ATTN_SHAPE_WGMMA_SHORT
#define ATTN_SHORT_UP_TO(N) (N)
#else
#define ATTN_KEYS_OR_WGMMA(MMA_SYNC, WGMMA) (MMA_SYNC)
#define ATTN_SHAPE_OR_WGMMA_WS(...) __VA_ARGS__
#define ATTN_SHAPE_OR_WGMMA_SHORT(...) __VA_ARGS__
#define ATTN_SHORT_UP_TO(N) (-1)
#endif
// The N bound of an entry that serves every N.
#define ATTN_ANY_N 0
// The N bound of an entry that needs the FP8 tensor-core mma (fp8-native's): N where the image has
// it (sm_89+), else -1, not built, so that the host refuses the method instead of launching a
// trapping stub. The compute_80 PTX is what runs on a GPU newer than the fatbin's cubins.
#if ATTN_NO_FP8_HARDWARE
#define ATTN_IF_FP8_MMA(N) (-1)
#else
#define ATTN_IF_FP8_MMA(N) (N)
#endif
// K/V stages of the warp-specialized schedule (AttnTraits::kStages): 0 picks per kernel (eight
// where they fit in shared memory, else four, else two); -DATTN_WS_STAGES=2, 4 or 8 sets every
// kernel's for tuning runs.
#ifndef ATTN_WS_STAGES
#define ATTN_WS_STAGES 0
#endif
// Raw stages of the widened FP8 kernels' producer ring (AttnTraits::kWidenRing): 0 takes half the
// f16 stages; -DATTN_WS_LOAD_STAGES=N sets N for tuning runs.
#ifndef ATTN_WS_LOAD_STAGES
#define ATTN_WS_LOAD_STAGES 0
#endif
// P̃·V pieces of the INT8 folding methods at D = 128 with Bc = 128 (PvInFlight::kPieces): 2 as
// shipped since v38; -DATTN_PV_PIECES=1 issues a block's P̃·V whole (kcheck runs 70 and 72, N = 16k:
// int8 -10% / -9%, int8-plus +2.4% / -2.4%). fp8-native issues it whole since v40 (run 72: +2.3%),
// the main entries of int8-plus and int8+qsum since v47 (run 90: +1%).
#ifndef ATTN_PV_PIECES
#define ATTN_PV_PIECES 2
#endif
// Persistent warp-specialized blocks (AttnTraits' Persistent, TileWalk, TUNING.md v41): each
// block walks tiles (row block, head), loading the next tile's Q into a second buffer while it
// computes the current one and staging O over the current one, so that the producer streams the
// next tile's K/V under the current tile's last rounds and store. The host launches such an entry
// on about one block per SM (launch[5], ATTN_EXPORT_LAUNCH). -DATTN_PERSISTENT=1 builds every
// warp-specialized entry so, for A/B runs (kcheck runs 77, 78).
#ifndef ATTN_PERSISTENT
#define ATTN_PERSISTENT 0
#endif
// A measurement switch, never set in the product's build: -DATTN_SKELETON=1 (a kcheck build, timed
// with --no-check) makes the warp-specialized consumers skip the softmax. P̃ is any bits of the
// scores and alpha is 1, so a round is the loads, Q·Kᵀ, P̃·V and the fold: what the schedule
// runs at when the per-score softmax costs nothing (TUNING.md, run 49). The fold stays: without
// it nothing reads the P̃·V sums, and the compiler removed both wgmma (run 49's invalid skel2).
#ifndef ATTN_SKELETON
#define ATTN_SKELETON 0
#endif
// A measurement switch like ATTN_SKELETON, for the widened FP8 kernels' producers
// (produce_widened_key_blocks): 1 publishes each f16 stage without widening into it (the
// consumers compute on whatever it holds), 2 widens but skips the async-proxy fence, 3 loads
// nothing either (each stage published as soon as it is released: the consumers alone), 4 is 3
// with Q left unwidened too. Timed only, with kcheck --no-check: what the widening's work, its
// fence, the raw ring and Q's widening cost beside fp16
// (results/2026-12-03-h200-v56-widen-probes, -v62-widen-probes).
#ifndef ATTN_WIDEN_PROBE
#define ATTN_WIDEN_PROBE 0
#endif

namespace attn {

// Everything an entry passes to the main loop. Pointers are bytes; the policies know the types.
struct AttnParams {
  const uint8_t* q;   // [B,H,N,D] f16, FP8 codes or s8
  const float* sq;    // [B,H,N] per-token Q scales (INT8 QK only)
  const uint8_t* k;   // [B,H,N,D]
  const float* sk;    // [B,H,Npad] per-token K scales in sk_position order, 0 past N (INT8 QK only)
  const uint8_t* v;   // [B,H,N,D] f16/FP8, or V8t [B,H,D,Npad] s8
  const float* fs;    // [B,H,D] output scales (INT8 P·V only)
  __half* o;          // [B,H,N,D]
  int n;              // sequence length N
  int causal;         // query i sees keys j <= i
  float c;            // r for f16/FP8 QK; c (r = f32(s_q[i] * c)) for INT8 QK
  float fsScalar;     // fs for f16/FP8 P·V
  const struct TensorMaps* maps;  // K and V for the producer's TMA copies (make_tensor_maps)
  int slices;         // B·H
};

// ---------------------------------------------------------------------------------------------
// Operand policies: global bytes per element, shared-memory bytes per element after staging.
// ---------------------------------------------------------------------------------------------
// kWiden: the staged FP8 tile is widened into an f16 tile in shared memory (wgmma reads its
// operands from there): by a pass of every thread per block on the plain schedule (mma.sync's
// fp8-e4m3), by the producer warpgroup on the warp-specialized one (AttnTraits::kWidenRing).
// kWidenInRegisters: the FP8 tile stays as it is, and each warp widens the fragments it loads
// (mma.sync only; "FP8 widened in registers" below).
struct HalfOperand {
  static constexpr int kGlobalBytes = 2, kSmemBytes = 2;
  static constexpr bool kWiden = false, kWidenInRegisters = false, kE4M3 = false;
};
template <bool E4M3>
struct Fp8Operand {  // FP8 codes in global memory, widened (exactly) to f16 in shared memory
  static constexpr int kGlobalBytes = 1, kSmemBytes = 2;
  static constexpr bool kWiden = true, kWidenInRegisters = false, kE4M3 = E4M3;
};
// e5m2 codes in global and shared memory, widened (exactly) to f16 in registers: codes kI and kJ
// of a register as f16x2 (code kI in the low half). An e5m2 code is its f16's high byte, so one
// byte permute widens two. (e4m3 in registers, by a conversion or by three integer operations a
// pair, ran slower than on the widening pass: TUNING.md v55.)
struct E5M2RegisterOperand {
  static constexpr int kGlobalBytes = 1, kSmemBytes = 1;
  static constexpr bool kWiden = false, kWidenInRegisters = true, kE4M3 = false;
  template <int kI, int kJ>
  __device__ static __forceinline__ uint32_t pair(uint32_t codes) {
    return fp8_pair_to_half2<false, kI, kJ>(codes);
  }
};
struct ByteOperand {  // one-byte codes used as they are: s8, or e4m3 for the native FP8 mma
  static constexpr int kGlobalBytes = 1, kSmemBytes = 1;
  static constexpr bool kWiden = false, kWidenInRegisters = false, kE4M3 = false;
};

// ---------------------------------------------------------------------------------------------
// QK policies
// ---------------------------------------------------------------------------------------------
// kInt8: s32 accumulators, u = f32(float(acc)·s_k). kFp8Mma: e4m3 operands in the e4m3 mma.
template <class Op>
struct QkHalf {  // u = f32(Σ q·k), f16 operands, r = c
  using Operand = Op;
  static constexpr bool kInt8 = false, kFp8Mma = false;
};
struct QkInt8 {  // u = f32(float(Σ q8·k8) * s_k[key]), r = f32(s_q[i] * c)
  using Operand = ByteOperand;
  static constexpr bool kInt8 = true, kFp8Mma = false;
};
struct QkFp8Mma {  // u = f32(Σ q8·k8) of e4m3 codes by the e4m3 mma (sm_89+), r = c from the host
  using Operand = ByteOperand;
  static constexpr bool kInt8 = false, kFp8Mma = true;
};

// ---------------------------------------------------------------------------------------------
// P rounding for the f16 P·V path: two p values -> one f16x2 A-operand register.
// ---------------------------------------------------------------------------------------------
// pack4: two pairs at once, (a, b) -> h0 and (c, d) -> h1, pair by pair.
template <class Round>
struct PackPairs {
  __device__ static __forceinline__ void pack4(float a, float b, float c, float d, uint32_t& h0, uint32_t& h1) {
    h0 = Round::pack(a, b);
    h1 = Round::pack(c, d);
  }
};
struct RoundHalf : PackPairs<RoundHalf> {  // P̃ = h(p)
  __device__ static __forceinline__ uint32_t pack(float a, float b) { return pack_half2(a, b); }
};
// kFour: pack4 converts four codes at once (pack_e5m2x4_as_half2x2), the same bits in fewer
// instructions; which entries take it is measured (fp8_attention.cu).
template <bool kFour = false>
struct RoundE5M2 : PackPairs<RoundE5M2<kFour>> {  // P̃ = e5m2(p)
  __device__ static __forceinline__ uint32_t pack(float a, float b) {
    return pack_e5m2_as_half2(a, b);
  }
  __device__ static __forceinline__ void pack4(float a, float b, float c, float d, uint32_t& h0, uint32_t& h1) {
    if constexpr (kFour) pack_e5m2x4_as_half2x2(a, b, c, d, h0, h1);
    else PackPairs<RoundE5M2>::pack4(a, b, c, d, h0, h1);
  }
};
struct RoundE4M3x256 : PackPairs<RoundE4M3x256> {  // P̃ = e4m3(f32(p·256))
  __device__ static __forceinline__ uint32_t pack(float a, float b) {
    return pack_e4m3_as_half2(__fmul_rn(a, 256.f), __fmul_rn(b, 256.f));
  }
};

// ---------------------------------------------------------------------------------------------
// PV policies. kInt8: integer P̃ and exact s32 P·V per block, fs[b,h,d]. kV8t: V arrives as V8t
// (transposed, key-permuted bytes: int8_attention.cu) for a k32 mma with P̃ as 8-bit A operand.
// ---------------------------------------------------------------------------------------------
// kQuantizedDenominator: w = P̃, the row sums of the P̃ that P̃·V multiplies, taken from the tensor
// cores (a mma with a B operand of ones: the ones tile on wgmma, ones registers on mma.sync).
template <class Op, class Round, bool QuantizedDenominator = false>
struct PvHalf {  // f16 (or widened FP8) V, f16 P̃, f32 mma accumulation, w = p (or P̃), fs scalar
  using Operand = Op;
  using PRound = Round;
  static constexpr bool kInt8 = false, kV8t = false, kQuantizedDenominator = QuantizedDenominator;
  static constexpr uint32_t kOnes = 0x3C003C00u;  // a word of P̃-typed ones: f16 1.0 x2
};
template <bool QuantizedDenominator = false>
struct PvFp8Mma {  // V8t of e4m3 codes, P̃ = e4m3(f32(p·256)), e4m3 mma, w = p (or P̃), fs scalar
  using Operand = ByteOperand;
  static constexpr bool kInt8 = false, kV8t = true, kQuantizedDenominator = QuantizedDenominator;
  static constexpr uint32_t kOnes = 0x38383838u;  // e4m3 1.0 x4
};
template <bool U8, bool QuantizedDenominator>
struct PvInt8 {  // V8t, P̃ = rint(p·127) s8 or rint(p·255) u8, exact s32 per block, fs[b,h,d]
  using Operand = ByteOperand;
  static constexpr bool kInt8 = true, kV8t = true, kU8 = U8, kQuantizedDenominator = QuantizedDenominator;
  static constexpr float kLevels = U8 ? 255.f : 127.f;
  static constexpr uint32_t kOnes = 0x01010101u;  // s8 / u8 1 x4
};

// ---------------------------------------------------------------------------------------------
// TMA tiles of the warp-specialized producer (attn_common.cuh, "TMA")
// ---------------------------------------------------------------------------------------------
// The maps an entry's producer copies with; make_tensor_maps builds them for its traits.
struct TensorMaps {
  TensorMap k;   // K [B·H][N][row]: boxes of Bc rows
  TensorMap v;   // V as K, or V8t [B·H][D][Npad]: boxes of D rows of Bc key bytes
};
static_assert(sizeof(TensorMaps) == 256, "the host passes 256 bytes (CudaAttention.TENSOR_MAPS_BYTES)");
// A tile of kRowBytes-long rows as TMA boxes: one per 128-byte panel (tile_offset's layout for
// longer rows), each row swizzled as tile_offset swizzles it (64B or 128B).
template <int kRowBytes_>
struct TmaRows {
  static constexpr int kRowBytes = kRowBytes_;
  static constexpr int kBoxBytes = kRowBytes < 128 ? kRowBytes : 128;
  static constexpr int kPanels = kRowBytes / kBoxBytes;
  static constexpr int kSwizzle = kBoxBytes == 128 ? kTmaSwizzle128B : kTmaSwizzle64B;
  static_assert(kBoxBytes == 64 || kBoxBytes == 128, "rows of 64 B or whole 128-byte panels");
};
// A [slices][n][Rows::kRowBytes] tensor of rows (K, or f16/FP8 V) as the map of a tile of kKeys
// rows, and that tile of key rows key0.. of slice bh loaded with it, one copy per 128-byte panel
// (tile_offset's layout).
template <class Rows, int kKeys>
__device__ __forceinline__ void encode_rows_map(uint32_t map, const uint8_t* base, uint32_t n, uint32_t slices) {
  constexpr uint32_t kRow = Rows::kRowBytes;
  tensormap_encode<kTmaU8, Rows::kSwizzle>(map, base, {kRow, n, slices}, {Rows::kBoxBytes, kKeys, 1},
                                           {0, kRow, 1ull * n * kRow});
}
template <class Rows, int kKeys>
__device__ __forceinline__ void tma_load_rows(uint32_t dst, const TensorMap* map, int key0, int bh, uint32_t bar) {
#pragma unroll
  for (int c = 0; c < Rows::kPanels; ++c) tma_load(dst + c * kKeys * 128, map, c * Rows::kBoxBytes, key0, bh, bar);
}

// ---------------------------------------------------------------------------------------------
// Traits: tile shape and shared-memory layout of one method at one head dimension.
// ---------------------------------------------------------------------------------------------
// Keys: Bc, the keys of one online-softmax step (64 or 128). It changes rounding, so it is the
// method's contract at D, not a tuning knob: it must equal KernelTraits.keyBlock (Java), which
// the backend checks against the exported launch shape.
template <int D, int Keys, int Warps, int MTiles, int MinBlocks, bool Pipelined, bool QFromSmem,
          bool Wgmma, bool ProducerWarp, class QKPolicy, class PVPolicy, bool Persistent = false>
struct AttnTraits {
  using QK = QKPolicy;
  using PV = PVPolicy;
  using QOp = typename QK::Operand;  // Q and K
  using VOp = typename PV::Operand;
  static constexpr int kD = D, kWarps = Warps, kMTiles = MTiles, kMinBlocks = MinBlocks;
  static constexpr bool kPipelined = Pipelined;  // Q·Kᵀ of block kb+1 issued before softmax of kb
  static constexpr bool kQFromSmem = QFromSmem;  // Q fragments re-read per block (saves registers)
  // Warpgroup wgmma (sm_90a) instead of per-warp mma.sync: each group of 4 warps issues the Q·Kᵀ
  // and P̃·V mma for its 64 rows, operands straight from shared memory (P̃ from registers).
  static constexpr bool kWgmma = Wgmma;
  // wgmma reads tiles whose rows are longer than 128 bytes (f16 at D = 128) in 128-byte panels.
  static constexpr bool kQKPaneled = Wgmma && D * QOp::kSmemBytes > 128;
  static constexpr bool kVPaneled = Wgmma && !PV::kV8t && D * VOp::kSmemBytes > 128;
  // The K and V tiles as the producer's TMA boxes (V8t: D rows of Bc key bytes).
  using KTmaRows = TmaRows<D * QOp::kGlobalBytes>;
  using VTmaRows = TmaRows<PV::kV8t ? Keys : D * VOp::kGlobalBytes>;
  // Warp specialization (wgmma only): one more warpgroup loads the K/V blocks into a ring of
  // kStages stages guarded by mbarriers for the consumer warpgroups (attention_forward_ws).
  // Registers per thread (setmaxnreg; a sub-partition holds one warp of each warpgroup, 512
  // registers a lane).
  static constexpr bool kProducerWarp = ProducerWarp;
  // The plain schedule on wgmma (the one-warpgroup short-sequence entries) loads each key block's
  // K and V (and s_k) by TMA too, one thread issuing the copies onto the stage's mbarrier
  // (tma_load_key_block), where every thread issued 16-byte cp.async with its own addresses: at
  // N = 1k those took ~2.5 of fp16's 9.8 instructions a score (Nsight Compute,
  // results/2026-12-04-h200-ncu-short-n), the main entries' producer none since v33. Not for the
  // FP8 tiles widened in shared memory, nor with Q·Kᵀ a block ahead (K and V of a block share a
  // stage here).
  static constexpr bool kPlainTma = Wgmma && !ProducerWarp && !Pipelined && !QOp::kWiden && !VOp::kWiden;
  // Three consumer warpgroups (TUNING.md v19, v20) get 160 registers each: their rounds run
  // Q·Kᵀ, softmax, P̃·V in series, ~150 registers live, and rely on each other for the overlap.
  // (Two groups that overlapped each one's softmax with its own P̃·V, at 232 registers, were
  // 20-22% slower; removed after v20.) Two groups in series get 232, for rounds that need more
  // than 160 (Bc = 128 at D = 128).
  static constexpr int kConsumerGroups = Warps / 4;
  static constexpr int kGroupRows = Wgmma ? 64 : 16 * MTiles;  // rows that share one mma
  static constexpr int kConsumerThreads = 32 * Warps;  // the threads that own query rows
  static constexpr int kProducerThreads = ProducerWarp ? 128 : 0;
  static constexpr int kThreads = kConsumerThreads + kProducerThreads;
  // setmaxnreg moves registers inside the block's allocation (the launch bound's, 65536 / threads
  // rounded down to 8): the consumers may take what the producers give back, no more, or their
  // setmaxnreg.inc waits forever. 512 threads: 128 -> 160 / 32; 384 threads: 168 -> 232 / 32.
  static constexpr int kProducerRegs = 32;
  static constexpr int kBlockRegs = 65536 / kThreads / 8 * 8;
  static constexpr int kConsumerRegs =
      (kBlockRegs + (kBlockRegs - kProducerRegs) * kProducerThreads / kConsumerThreads) / 8 * 8;
  static_assert(!ProducerWarp || kConsumerThreads * kConsumerRegs + kProducerThreads * kProducerRegs <=
                                     kThreads * kBlockRegs,
                "setmaxnreg within the block's registers");
  static constexpr int kRows = 16 * MTiles * Warps;  // query rows per block
  static constexpr int kKeys = Keys;
  static constexpr int kKeyTiles = Keys / 8;  // n8 tiles of a block's scores per m16 tile
  static constexpr int kQSteps = D * QOp::kSmemBytes / 32;   // k steps of the Q·Kᵀ mma
  static constexpr int kQChunks = D * QOp::kSmemBytes / 16;  // 16-byte chunks per Q/K smem row
  static constexpr int kPSteps = PV::kV8t ? Keys / 32 : Keys / 16;  // P̃·V k steps (8-bit k32, f16 k16)
  using SAcc = typename std::conditional<QK::kInt8, int, float>::type;  // Q·Kᵀ accumulator
  // Shared memory: [Q][K stages][V stages][s_k stage 0,1,2][K wide][V wide][mbarriers]
  // (plain schedule: s_k of block kb is read one iteration after K, so it needs a third stage;
  // the producer ring keeps s_k of block kb in stage kb % kStages beside K and V)
  static constexpr int kQBytes = kRows * D * QOp::kSmemBytes;
  static constexpr int kKStageBytes = kKeys * D * QOp::kGlobalBytes;
  static constexpr int kVStageBytes = kKeys * D * VOp::kGlobalBytes;  // V or V8t tile
  static constexpr int kSkStageBytes = QK::kInt8 ? kKeys * 4 : 0;
  static constexpr int kKWideBytes = QOp::kWiden ? kKeys * D * 2 : 0;
  static constexpr int kVWideBytes = VOp::kWiden ? kKeys * D * 2 : 0;
  // FP8 storage on the warp-specialized schedule (TUNING.md v56): the producer warpgroup copies
  // each raw K/V block into a ring of raw stages (TMA), widens it into a ring of f16 stages (the
  // K wide / V wide buffers, one per stage) and publishes that to the consumers, who run fp16's
  // rounds on it. Half as many raw stages as f16 ones: the producer widens each raw stage as
  // soon as it lands, so the raw ring only covers the copy's latency (at D = 128 with 128-key
  // blocks one raw stage is all that fits, and each copy waits for the widening before it).
  static constexpr bool kWidenRing = ProducerWarp && QOp::kWiden;
  // A tile of ones (s8 1, e4m3 1 or f16 1, as P̃) whose product with P̃ gives the row sums of P̃:
  // the wgmma kernels of the quantized-denominator methods (PvInFlight::kRowSum). 8 rows of Bc
  // key bytes, read through a V8t descriptor; 1024 bytes keep any swizzled read inside it.
  // fp8-native at D = 128 keeps its ones as 8 more rows of each V8t stage instead (kOnesInV): its
  // P̃·V and row sums are then one m64n136k32 wgmma per k-step, where the separate m64n8k32 ones
  // cost more than the FADDs they saved (results/2026-12-03-h200-v51-candidate: -2.7%).
  static constexpr bool kOnesInV = Wgmma && PV::kQuantizedDenominator && PV::kV8t && !PV::kInt8 && D == 128;
  static constexpr bool kOnesTile = Wgmma && PV::kQuantizedDenominator && !kOnesInV;
  // A V stage in shared memory: the V or V8t tile, and with kOnesInV 8 rows of Bc ones after it.
  static constexpr int kVStageStride = kVStageBytes + (kOnesInV ? 8 * kKeys : 0);
  // D = 128 with Bc = 128: a round holds S and acc, 64 registers each, on three consumer groups of
  // 160 (mma.sync: 255), and spilled until it took every register-saving form (v38, v39):
  //   - rounds with and without masked keys in loops of their own (kMaskedRoundsApart: Masking,
  //     first_masked_block), where one loop holding both forms spilled 72-128 bytes (v38; the
  //     INT8 Q·Kᵀ kernels fit one loop with the forms below, kRoundsInOneLoop);
  //   - the mask as one threshold per row (mask_scores), the output copy's addresses computed
  //     after the loop (store_output), the FP8 fold's fresh sums zeroed after the softmax
  //     (zero_after).
  // Elsewhere the forms as before, whose SASS was measured (kcheck run 71).
  // int8-half (INT8 Q·Kᵀ, f16 P̃·V) fits without the last three forms and runs 3% faster
  // without them (kcheck run 73: v40), so it keeps v38's; in persistent blocks it spilled 8 bytes
  // that way (run 78), and takes them (v42).
  // At D = 64 (no register-saving forms there: kTightRegisters) the two loops pay for fp16's
  // entries and fp8-native's one-warpgroup one (kcheck run 89: fp16 +0.8-2.3%, fp8-native's short
  // entry +6% at 1k), while fp8-native's main entry loses 1-6% from 2k on (v46). The INT8 Q·Kᵀ
  // kernels take them on the one-warpgroup entries only (int8, int8+u8p: +4% at 1k, kcheck run
  // 90: v47), and keep the written-out loop below on the warp-specialized ones, which lost 2-9%
  // with two loops.
  static constexpr bool kMaskedRoundsApart =
      Keys == 128 && (D == 128 || (!QK::kInt8 && !(QK::kFp8Mma && ProducerWarp)) ||
                      (QK::kInt8 && Wgmma && !ProducerWarp));
  static constexpr bool kInt8Half = QK::kInt8 && !PV::kInt8 && !PV::kV8t;
  static constexpr int kOutBytes = kRows * D * 2;  // O staging (f16), reuses all but the mbarriers
  // Persistent blocks (TileWalk; warp-specialized only) keep two Q buffers, each large enough to
  // stage O in.
  static constexpr bool kPersistent = ProducerWarp && (Persistent || ATTN_PERSISTENT != 0);
  static constexpr bool kTightRegisters = D == 128 && kMaskedRoundsApart && (!kInt8Half || kPersistent);
  // mma.sync with two m-tiles a warp (v53): a round holds S of 32 rows and acc, ~200 registers of
  // 255. Each block's K and V copies make their addresses again (made once in the prologue, ptxas
  // held ~40 of them across the loop and spilled them), and the INT8 kernels make each k step's
  // P̃ codes, sums and operand together (quantize_p_int8).
  static constexpr bool kAddressesInLoop = !Wgmma && MTiles > 1;
  // Rounds with the D = 128 forms that save registers (the mask as one threshold per row, the
  // output's addresses made after the loop): kTightRegisters, and the f16 Q·Kᵀ kernels on
  // mma.sync with two m-tiles, which spilled 76 bytes without them. With them the INT8 Q·Kᵀ
  // kernels spilled more there at D = 64 (16 -> 176 bytes), so they keep the plain forms, but
  // int8-half at D = 128 (64-key blocks, v54) spilled 144 bytes at sm_89 without them, none with.
  static constexpr bool kLeanRounds =
      kTightRegisters || (kAddressesInLoop && (!QK::kInt8 || (kInt8Half && D == 128)));
  // Since v45 the INT8 Q·Kᵀ kernels (int8-half, the INT8-P ones) run every round in one loop of
  // both forms again: with the forms above they fit (no spills at sm_90a), and they run faster so
  // (kcheck runs 87-88, D = 128: int8 +2.5%, int8-plus +11%, int8-half +10% at N = 16k). In
  // persistent blocks the INT8-P kernels spilled 124 bytes with the two loops (run 79), and fit
  // with one. fp16 and fp8-native keep the two loops: one loop cost them 0.4-4% (run 88).
  static constexpr bool kRoundsInOneLoop = kMaskedRoundsApart && QK::kInt8 && D == 128;
  // Rounds per iteration of the warp-specialized key-block loop (consume_key_blocks). Unrolled by
  // two, the D = 64 main entries of int8-half and of the INT8 methods that take their row sums from
  // the tensor cores run 2-3% faster from N = 4k (kcheck run 92: v48), fp8-native's 0.5-2% (runs 92
  // and 95: v50); int8's, int8+u8p's and fp16's lose 1-2% that way, the persistent entries 3%,
  // and the INT8 Q·Kᵀ kernels at D = 128 spill. int8-half with its row sums from the tensor cores
  // (v51) does not fit two rounds: ptxas serializes its wgmma (C7511).
  static constexpr bool kUnrollWins =
      QK::kFp8Mma || (kInt8Half && !PV::kQuantizedDenominator) || (QK::kInt8 && PV::kInt8 && kOnesTile);
  static constexpr int kRoundUnroll = D == 64 && ProducerWarp && !kPersistent && kUnrollWins ? 2 : 1;
  static constexpr int kQBufBytes =
      kPersistent ? ((kQBytes > kOutBytes ? kQBytes : kOutBytes) + 1023) / 1024 * 1024 : kQBytes;
  // The layout with a ring of `Stages` K/V stages, so the stage count can be chosen by its size.
  template <int Stages>
  struct Layout {
    static constexpr int kSkStages = ProducerWarp || kPlainTma ? Stages : 3;
    static constexpr int kLoadStages =  // K, V as loaded
        !kWidenRing ? Stages : ATTN_WS_LOAD_STAGES != 0 ? ATTN_WS_LOAD_STAGES : Stages / 2;
    static constexpr int kWideStages = kWidenRing ? Stages : 1;
    static constexpr int kOffQ = 0;
    static constexpr int kOffK = kOffQ + (kPersistent ? 2 : 1) * kQBufBytes;
    static constexpr int kOffV = kOffK + kLoadStages * kKStageBytes;
    static constexpr int kOffSk = kOffV + kLoadStages * kVStageStride;
    static constexpr int kOffKWide = kOffSk + (kSkStages * kSkStageBytes + 1023) / 1024 * 1024;
    static constexpr int kOffVWide = kOffKWide + kWideStages * kKWideBytes;
    static constexpr int kMainBytes = kOffVWide + kWideStages * kVWideBytes;
    static constexpr int kOffOnes = (kMainBytes + 1023) / 1024 * 1024;
    static constexpr int kEndBytes = kOnesTile ? kOffOnes + 1024 : kMainBytes;
    static constexpr int kOffBar = ((kEndBytes > kOutBytes ? kEndBytes : kOutBytes) + 7) / 8 * 8;
    // mbarriers: full, empty (and kWidenRing: the raw stages' `loaded`); kPlainTma: full
    static constexpr int kBarriers = ProducerWarp ? 2 * Stages + (kWidenRing ? kLoadStages : 0)
                                     : kPlainTma  ? Stages
                                                  : 0;
    static constexpr int kSmemBytes = kOffBar + 8 * kBarriers;
  };
  static constexpr int kSmemLimit = 227 * 1024;  // dynamic shared memory of one sm_90 block
  // K and V stages with a producer: eight where they fit (the 8-bit tiles, and INT8 Q·Kᵀ with f16
  // V at D = 128), else four (f16 K and V at D = 64), else two (f16 at D = 128: v39). Each loading
  // warp keeps one or two blocks in flight. TUNING.md v15: four stages 2% slower than eight for
  // INT8, three 20% slower than four. The widened FP8 kernels (kWidenRing) count their f16 stages
  // here: four at D = 64 (with two raw), two at D = 128 (with one raw).
  static constexpr int kStages = !ProducerWarp          ? 2
                                 : ATTN_WS_STAGES != 0 ? ATTN_WS_STAGES
                                 : Layout<8>::kSmemBytes <= kSmemLimit ? 8
                                 : Layout<4>::kSmemBytes <= kSmemLimit ? 4
                                                                       : 2;
  using Smem = Layout<kStages>;
  static constexpr int kSkStages = Smem::kSkStages, kLoadStages = Smem::kLoadStages;
  static constexpr int kOffQ = Smem::kOffQ, kOffK = Smem::kOffK, kOffV = Smem::kOffV, kOffSk = Smem::kOffSk;
  static constexpr int kOffKWide = Smem::kOffKWide, kOffVWide = Smem::kOffVWide, kOffOnes = Smem::kOffOnes;
  static constexpr int kOffBar = Smem::kOffBar, kSmemBytes = Smem::kSmemBytes;
  static_assert(!ProducerWarp || kSmemBytes <= kSmemLimit, "shared memory of an sm_90 block (ATTN_WS_STAGES)");
  // FP8 Q is staged raw in the K/V widening buffers before it is widened into the Q tile (plain
  // schedule), or in the Q tile's upper half (kWidenRing: widen_fp8_tile_in_place).
  static_assert(!QOp::kWiden || kWidenRing || kRows * D <= kKWideBytes + kVWideBytes, "FP8 Q staging");
  static_assert(QOp::kWiden == VOp::kWiden, "FP8 widened in shared memory: K and V alike");
  static_assert(D == 64 || D == 128, "head dimension");
  static_assert(Keys == 64 || Keys == 128, "keys per block (Bc)");
  static_assert(!Wgmma || (Warps % 4 == 0 && MTiles == 1 && QFromSmem &&
                           PV::kV8t == (VOp::kSmemBytes == 1)),
                "wgmma: whole warpgroups of one m16 tile per warp, Q in smem, 8-bit V as V8t or "
                "f16 (or widened FP8) V as it is");
  static_assert(!(QOp::kWidenInRegisters || VOp::kWidenInRegisters) ||
                    (!Wgmma && !QK::kInt8 && !QK::kFp8Mma && !PV::kInt8 && !PV::kV8t),
                "FP8 widened in registers: f16 mma.sync on both products");
  static_assert(!ProducerWarp || (Wgmma && (Warps == 8 || Warps == 12) && !Pipelined),
                "warp specialization: two or three consumer warpgroups on wgmma");
  static_assert(!kWidenRing || !kPersistent, "FP8 widened by the producers: not in persistent blocks");
};

// ---------------------------------------------------------------------------------------------
// Algorithm steps
// ---------------------------------------------------------------------------------------------

// ldmatrix addresses. A operand (16 rows, k chunks 2kk and 2kk+1):
//   lanes 0-7 rows 0-7 chunk 2kk | 8-15 rows 8-15 chunk 2kk | 16-23 rows 0-7 chunk 2kk+1 | 24-31 ..
template <int kChunks>
__device__ __forceinline__ uint32_t a_operand_addr(uint32_t tile, int row0, int kk, int lane) {
  return tile + tile_offset<kChunks>(row0 + (lane & 7) + ((lane >> 3) & 1) * 8,
                                     2 * kk + (lane >> 4));
}
// B operand from an [n][k] tile (K, V8t), two n8 tiles n0..n0+15:
//   lanes 0-7 n 0-7 chunk 2kk (b0) | 8-15 n 0-7 chunk 2kk+1 (b1) | 16-31 the same for n 8-15
template <int kChunks>
__device__ __forceinline__ uint32_t b_operand_addr(uint32_t tile, int n0, int kk, int lane) {
  return tile + tile_offset<kChunks>(n0 + (lane & 7) + ((lane >> 4) & 1) * 8,
                                     2 * kk + ((lane >> 3) & 1));
}

// FP8 widened in registers (E5M2RegisterOperand: fp8 on mma.sync). Q, K and V stay e5m2 codes in
// shared memory, in the INT8 kernels' 8-bit tiles, and each warp widens (exactly) the fragments it
// loads into the f16 operands of the m16n8k16 mma. This saves the widening pass (Fp8Operand, which
// wgmma needs): its second __syncthreads a block and its f16 copy of each tile. Every warp widens
// every fragment it reads, where the pass widens each code once a block, which pays for e5m2's
// one byte permute a pair and not for e4m3's three operations (TUNING.md v55).
//   Q·Kᵀ: an 8-bit A or B fragment (the s8 k32 layout: row g, bytes 4t..4t+3 of a 16-byte
//   chunk) holds four consecutive channels; its low two become the f16 fragment's k 2t, 2t+1 and
//   its high two k 2t+8, 2t+9. The k16 step covers the chunk's 16 channels as fp16's does, in
//   another order (the same for Q and K, so the same products); the contract leaves the tensor
//   core's add order free.
//   P̃·V: ldmatrix.trans of the [Bc][D] byte tile, read as 16-bit pairs of channels, gives lane
//   (g, t) keys 2t, 2t+1 of channels 2g, 2g+1: the even channels make one n8 B fragment, the odd
//   ones another. So acc tile 2c+e holds channels 16c + 2n + e (n its column), which
//   store_output puts back in order; the P̃ operand and the key order are fp16's.

// S = Q·Kᵀ for this warp's kMTiles x Bc keys: issues the mma.sync (results land in s later;
// nothing here waits for them). INT8: s32 accumulators started at kMagicSigned.
template <class T>
__device__ __forceinline__ void qk_mma(typename T::SAcc (&s)[T::kMTiles][T::kKeyTiles][4],
                                       const uint32_t (&qf)[T::kMTiles][T::kQSteps][4],
                                       uint32_t qTile, int warp, uint32_t kTile, int lane) {
  constexpr int MT = T::kMTiles, kSteps = T::kQSteps, kChunks = T::kQChunks;
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int j = 0; j < T::kKeyTiles; ++j)
#pragma unroll
      for (int e = 0; e < 4; ++e) {
        if constexpr (T::QK::kInt8) s[mt][j][e] = kMagicSigned;
        else s[mt][j][e] = 0.f;
      }
#pragma unroll
  for (int kk = 0; kk < kSteps; ++kk) {
    uint32_t a[MT][4];
#pragma unroll
    for (int mt = 0; mt < MT; ++mt) {
      if constexpr (T::kQFromSmem) {
        ldmatrix_x4(a[mt], a_operand_addr<kChunks>(qTile, 16 * (warp * MT + mt), kk, lane));
      } else {
#pragma unroll
        for (int i = 0; i < 4; ++i) a[mt][i] = qf[mt][kk][i];
      }
    }
    if constexpr (T::QOp::kWidenInRegisters) {  // two f16 k16 steps per 8-bit k32 step
      using QOp = typename T::QOp;
#pragma unroll
      for (int h = 0; h < 2; ++h) {  // channels 16h..16h+15 of the step: 16-byte chunk 2kk+h
        uint32_t a16[MT][4];
#pragma unroll
        for (int mt = 0; mt < MT; ++mt) {
          a16[mt][0] = QOp::template pair<0, 1>(a[mt][2 * h]);
          a16[mt][1] = QOp::template pair<0, 1>(a[mt][2 * h + 1]);
          a16[mt][2] = QOp::template pair<2, 3>(a[mt][2 * h]);
          a16[mt][3] = QOp::template pair<2, 3>(a[mt][2 * h + 1]);
        }
#pragma unroll
        for (int jq = 0; jq < T::kKeys / 32; ++jq) {
          uint32_t b[4];  // key tiles 4jq..4jq+3: lane l gives key 32jq + l
          ldmatrix_x4(b, kTile + tile_offset<kChunks>(32 * jq + lane, 2 * kk + h));
#pragma unroll
          for (int i = 0; i < 4; ++i) {
            const uint32_t b0 = QOp::template pair<0, 1>(b[i]), b1 = QOp::template pair<2, 3>(b[i]);
#pragma unroll
            for (int mt = 0; mt < MT; ++mt) mma_f16(s[mt][4 * jq + i], a16[mt], b0, b1);
          }
        }
      }
    } else {
#pragma unroll
      for (int jp = 0; jp < T::kKeys / 16; ++jp) {
        uint32_t b[4];
        ldmatrix_x4(b, b_operand_addr<kChunks>(kTile, 16 * jp, kk, lane));
#pragma unroll
        for (int mt = 0; mt < MT; ++mt) {
          if constexpr (T::QK::kInt8) {
            mma_i8<false>(s[mt][2 * jp], a[mt], b[0], b[1]);
            mma_i8<false>(s[mt][2 * jp + 1], a[mt], b[2], b[3]);
          } else if constexpr (T::QK::kFp8Mma) {
            mma_e4m3(s[mt][2 * jp], a[mt], b[0], b[1]);
            mma_e4m3(s[mt][2 * jp + 1], a[mt], b[2], b[3]);
          } else {
            mma_f16(s[mt][2 * jp], a[mt], b[0], b[1]);
            mma_f16(s[mt][2 * jp + 1], a[mt], b[2], b[3]);
          }
        }
      }
    }
  }
}

// S = Q·Kᵀ of this warpgroup's 64 rows x Bc keys by wgmma (sm_90a): INT8 into s32 accumulators
// started by the first k step's scale-d = 0, FP8 e4m3 or f16 into f32 set to 0 (the cheaper start
// for each: TUNING.md v16). The m64nBc accumulator fragment of each warp is the mma.sync m16n8
// layout repeated over the Bc/8 key tiles, so s[0][j][e] means what it means for qk_mma. Every k
// step (k32 of 8-bit, k16 of f16) covers 32 bytes of a row; rows of 256 bytes sit in two 128-byte
// panels (T::kQKPaneled).
// qk_wgmma_issue starts it (one wgmma commit group); the results may be read only after a
// wgmma_wait that covers the group and qk_wgmma_hold. Its parts keep the order ptxas needs: every
// accumulator set up (qk_wgmma_init) before the wgmma_fence, then the mma (qk_wgmma_mma), as
// ptxas serializes wgmma around register writes after the fence.
template <class T>
__device__ __forceinline__ void qk_wgmma_init(typename T::SAcc (&s)[1][T::kKeyTiles][4]) {
  using Acc = typename T::SAcc;
  Acc(&d)[T::kKeys / 2] = reinterpret_cast<Acc(&)[T::kKeys / 2]>(s[0]);
  if constexpr (!T::QK::kInt8) {  // an s32 sum starts from the first k step's scale-d = 0
#pragma unroll
    for (int i = 0; i < T::kKeys / 2; ++i) d[i] = 0.f;
    wgmma_hold(d);  // the start values are written here, not sunk past the fence by the compiler
  }
}
// One k step of Q·Kᵀ: scale-d = 0 starts the sum (d = A·B), 1 accumulates onto d.
template <class T, int kScaleD>
__device__ __forceinline__ void qk_wgmma_step(typename T::SAcc (&d)[T::kKeys / 2], uint64_t descQ,
                                              uint64_t descK) {
  if constexpr (T::kKeys == 64) {
    if constexpr (T::QK::kInt8) wgmma_s8_m64n64k32_ss<kScaleD>(d, descQ, descK);
    else if constexpr (T::QK::kFp8Mma) wgmma_e4m3_m64n64k32_ss<kScaleD>(d, descQ, descK);
    else wgmma_f16_m64n64k16_ss<kScaleD>(d, descQ, descK);
  } else {
    if constexpr (T::QK::kInt8) wgmma_s8_m64n128k32_ss<kScaleD>(d, descQ, descK);
    else if constexpr (T::QK::kFp8Mma) wgmma_e4m3_m64n128k32_ss<kScaleD>(d, descQ, descK);
    else wgmma_f16_m64n128k16_ss<kScaleD>(d, descQ, descK);
  }
}
template <class T>
__device__ __forceinline__ void qk_wgmma_mma(typename T::SAcc (&s)[1][T::kKeyTiles][4],
                                             uint32_t qTile, int warp, uint32_t kTile) {
  constexpr int kRowBytes = T::kQChunks * 16;
  constexpr int kAtomBytes = kRowBytes > 128 ? 128 : kRowBytes;  // the swizzle's row
  using Acc = typename T::SAcc;
  Acc(&d)[T::kKeys / 2] = reinterpret_cast<Acc(&)[T::kKeys / 2]>(s[0]);
  const uint32_t qGroup = qTile + (warp >> 2) * 64 * kAtomBytes;
#pragma unroll
  for (int kk = 0; kk < kRowBytes / 32; ++kk) {
    const int panel = 32 * kk / kAtomBytes, inRow = 32 * kk % kAtomBytes;
    const uint64_t descQ = smem_desc<kAtomBytes>(qGroup, panel * T::kRows * 128 + inRow);
    const uint64_t descK = smem_desc<kAtomBytes>(kTile, panel * T::kKeys * 128 + inRow);
    if (T::QK::kInt8 && kk == 0) qk_wgmma_step<T, 0>(d, descQ, descK);
    else qk_wgmma_step<T, 1>(d, descQ, descK);
  }
  wgmma_commit();
}
template <class T>
__device__ __forceinline__ void qk_wgmma_issue(typename T::SAcc (&s)[1][T::kKeyTiles][4],
                                               uint32_t qTile, int warp, uint32_t kTile) {
  qk_wgmma_init<T>(s);
  wgmma_fence();
  qk_wgmma_mma<T>(s, qTile, warp, kTile);
}
template <class Acc, int NJ>
__device__ __forceinline__ void qk_wgmma_hold(Acc (&s)[1][NJ][4]) {
  wgmma_hold(reinterpret_cast<Acc(&)[4 * NJ]>(s[0]));
}

// float(n) of an exact s32 sum: a wgmma sum started from 0, or an mma.sync one from kMagicSigned.
template <class T>
__device__ __forceinline__ float int_sum_to_float(int n) {
  if constexpr (T::kWgmma) return sum_to_float(n);
  else return magic_to_float(n);
}

// Scores u from the QK accumulators: u = acc (f16/FP8), or u = f32(float(acc)·s_k[key]) (INT8,
// float(acc) exact: int_sum_to_float).
template <class T>
__device__ __forceinline__ void scores_from_acc(float (&u)[T::kMTiles][T::kKeyTiles][4],
                                                const typename T::SAcc (&s)[T::kMTiles][T::kKeyTiles][4],
                                                const float* skTile, int lane) {
  constexpr int MT = T::kMTiles;
  if constexpr (T::QK::kInt8) {
    const int t = lane & 3;
    static_assert(T::kKeyTiles % 2 == 0, "s_k: tiles read in pairs");
#pragma unroll
    for (int j = 0; j < T::kKeyTiles; j += 2) {
      // The scales of tiles j and j + 1 (sk_position: together and 16-byte aligned, j even).
      const float4 sk4 = *reinterpret_cast<const float4*>(skTile + sk_position(8 * j + 2 * t));
      const float sk[4] = {sk4.x, sk4.y, sk4.z, sk4.w};
#pragma unroll
      for (int h = 0; h < 2; ++h)
#pragma unroll
        for (int mt = 0; mt < MT; ++mt) {
          u[mt][j + h][0] = __fmul_rn(int_sum_to_float<T>(s[mt][j + h][0]), sk[2 * h]);
          u[mt][j + h][1] = __fmul_rn(int_sum_to_float<T>(s[mt][j + h][1]), sk[2 * h + 1]);
          u[mt][j + h][2] = __fmul_rn(int_sum_to_float<T>(s[mt][j + h][2]), sk[2 * h]);
          u[mt][j + h][3] = __fmul_rn(int_sum_to_float<T>(s[mt][j + h][3]), sk[2 * h + 1]);
        }
    }
  } else {
#pragma unroll
    for (int mt = 0; mt < MT; ++mt)
#pragma unroll
      for (int j = 0; j < T::kKeyTiles; ++j)
#pragma unroll
        for (int e = 0; e < 4; ++e) u[mt][j][e] = s[mt][j][e];
  }
}

// Keys past N, or past the row under causal masking, get u = -inf: key >= N or key > row.
// kRowThreshold (AttnTraits::kLeanRounds, whose masked rounds are their register peak) tests
// it as 8j + (e & 1) >= min(N, row + 1) - key0 - 2t (N when not causal): one threshold per row
// against constants, two integers for the mask rather than a key index per score. The other
// shapes keep the per-score form, their SASS as measured (kcheck run 71: v39's three forms at
// every shape moved their times by -2 … +1.4%).
template <bool kRowThreshold, int MT, int NJ>
__device__ __forceinline__ void mask_scores(float (&u)[MT][NJ][4], int key0, int warpRow0, int n,
                                            bool causal, int lane) {
  const int g = lane >> 2, t = lane & 3;
#pragma unroll
  for (int mt = 0; mt < MT; ++mt) {
    if constexpr (kRowThreshold) {
#pragma unroll
      for (int h = 0; h < 2; ++h) {
        const int row = warpRow0 + 16 * mt + g + 8 * h;
        const int thr = (causal ? min(n, row + 1) : n) - key0 - 2 * t;
#pragma unroll
        for (int j = 0; j < NJ; ++j)
#pragma unroll
          for (int e = 2 * h; e < 2 * h + 2; ++e)
            if (8 * j + (e & 1) >= thr) u[mt][j][e] = -INFINITY;
      }
    } else {
#pragma unroll
      for (int j = 0; j < NJ; ++j)
#pragma unroll
        for (int e = 0; e < 4; ++e) {
          const int key = key0 + 8 * j + 2 * t + (e & 1);
          const int row = warpRow0 + 16 * mt + g + 8 * (e >> 1);
          if (key >= n || (causal && key > row)) u[mt][j][e] = -INFINITY;
        }
    }
  }
}

// A row's values of one key block, folded with op in one fixed order: this thread's 2·NJ (the
// pairs of its NJ = Bc/8 n8 tiles, h = 0 for row g, 1 for row g+8), then across the quad of lanes
// that holds the row. Every lane of the quad gets the same result, as the pairwise order is
// symmetric (and integer sums are exact).
struct OpMax {
  __device__ __forceinline__ float operator()(float a, float b) const { return fmaxf(a, b); }
};
struct OpAdd {
  __device__ __forceinline__ float operator()(float a, float b) const { return __fadd_rn(a, b); }
  __device__ __forceinline__ uint32_t operator()(uint32_t a, uint32_t b) const { return a + b; }
};
template <int NJ, class Op>
__device__ __forceinline__ float row_fold(const float (&x)[NJ][4], int h, Op op) {
  float v = op(x[0][2 * h], x[0][2 * h + 1]);
#pragma unroll
  for (int j = 1; j < NJ; ++j) v = op(v, op(x[j][2 * h], x[j][2 * h + 1]));
  return v;
}
// A row's maximum over the block, as a pairwise tree (kernels v30, TUNING.md): max is exact and
// associative, so any order gives the same bits, and the tree puts log2(2·NJ) dependent FMNMX on
// the softmax chain where row_fold's left fold (kept for sums, whose order the contract fixes)
// puts NJ + 1. (Template recursion: a loop over the tree's levels left the array in local memory
// at NJ = 16, and cost 35% at D = 64.)
template <int J0, int Len, int NJ>
__device__ __forceinline__ float tree_max(const float (&x)[NJ][4], int h) {
  if constexpr (Len == 1) return fmaxf(x[J0][2 * h], x[J0][2 * h + 1]);
  else return fmaxf(tree_max<J0, Len / 2>(x, h), tree_max<J0 + Len / 2, Len / 2>(x, h));
}
template <int NJ>
__device__ __forceinline__ float row_max(const float (&x)[NJ][4], int h) {
  static_assert((NJ & (NJ - 1)) == 0, "a power of two of key tiles");
  return tree_max<0, NJ>(x, h);
}
template <class T, class Op>
__device__ __forceinline__ T quad_fold(T x, Op op) {
  x = op(x, __shfl_xor_sync(0xffffffffu, x, 1));
  return op(x, __shfl_xor_sync(0xffffffffu, x, 2));
}
// Sum over the quad of lanes that holds one row (exact for integers).
template <class T>
__device__ __forceinline__ T quad_sum(T x) {
  return quad_fold(x, OpAdd{});
}

// Online-softmax update of one key block, per row (the quad of lanes holding a row agrees on
// every value, since max and the shuffles are exact):
//   m_new = max(m, max_k u_k); mr = f32(m_new·r); alpha = ex2(f32(f32(m - m_new)·r)) (0 if m = -inf)
//   p_k = ex2(fma32(u_k, r, -mr)), written over u. kMasked: p = 0 where u = -inf (also for r = 0).
template <int MT, bool kMasked, int NJ>
__device__ __forceinline__ void online_softmax_update(float (&u)[MT][NJ][4], float (&m)[MT][2],
                                                      const float (&r)[MT][2],
                                                      float (&alpha)[MT][2]) {
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int h = 0; h < 2; ++h) {
      const float mNew = fmaxf(m[mt][h], quad_fold(row_max(u[mt], h), OpMax{}));
      const float mr = __fmul_rn(mNew, r[mt][h]);
      alpha[mt][h] =
          m[mt][h] == -INFINITY ? 0.f : ex2(__fmul_rn(__fsub_rn(m[mt][h], mNew), r[mt][h]));
      m[mt][h] = mNew;
#pragma unroll
      for (int j = 0; j < NJ; ++j)
#pragma unroll
        for (int e = 2 * h; e < 2 * h + 2; ++e) {
          const float p = ex2(__fmaf_rn(u[mt][j][e], r[mt][h], -mr));
          u[mt][j][e] = (kMasked && u[mt][j][e] == -INFINITY) ? 0.f : p;
        }
    }
}

// A row's denominator with one block's sum of w folded in: l = f32(f32(l·alpha) + sum), the
// rescale rounded before the add (docs/ARITHMETIC.md), whichever pipe summed the block.
__device__ __forceinline__ float fold_row_sum(float l, float alpha, float sum) {
  return __fadd_rn(__fmul_rn(l, alpha), sum);
}

// l = f32(f32(l·alpha) + Σ_k p_k), Σ over the block's keys of the row.
template <int MT, int NJ>
__device__ __forceinline__ void update_denominator_float(float (&l)[MT][2],
                                                         const float (&p)[MT][NJ][4],
                                                         const float (&alpha)[MT][2]) {
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int h = 0; h < 2; ++h)
      l[mt][h] = fold_row_sum(l[mt][h], alpha[mt][h], quad_sum(row_fold(p[mt], h, OpAdd{})));
}

// acc = f32(acc·alpha) per row: the rescale before a P̃·V mma accumulates onto acc. Once a
// row's maximum settles, alpha = 1 for whole blocks (at N = 16k, for most blocks of most warps),
// and f32(acc·1) = acc exactly, so a warp whose rows all have alpha = 1 skips the FMULs (a
// warp-uniform branch: the same bits, 2 instructions per score fewer at D = 128).
template <int MT, int D>
__device__ __forceinline__ void scale_acc(float (&acc)[MT][D / 8][4], const float (&alpha)[MT][2]) {
  bool one = true;
#pragma unroll
  for (int mt = 0; mt < MT; ++mt) one = one && alpha[mt][0] == 1.f && alpha[mt][1] == 1.f;
  if (__all_sync(0xffffffffu, one)) return;
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int dt = 0; dt < D / 8; ++dt)
#pragma unroll
      for (int e = 0; e < 4; ++e) acc[mt][dt][e] = __fmul_rn(acc[mt][dt][e], alpha[mt][e >> 1]);
}

// acc = fma(acc, alpha, pv): a block's own P̃·V sum (the 8-bit P̃·V methods, whose tensor cores
// sum each block apart) joins acc with its rescale in one rounding. Where the f16 P̃·V accumulates
// onto acc in place, acc·alpha has to be rounded first (scale_acc). One FFMA per element in every
// block, where the FMUL + FADD fold cost two in the blocks whose row maximum moved, plus a warp
// vote per block (TUNING.md v34).
__device__ __forceinline__ float fold_block_sum(float acc, float alpha, float pv) {
  return __fmaf_rn(acc, alpha, pv);
}

// P̃ rounded to f16 (Round) as the A operand of the Bc/16 k16 steps of a block: keys
// 16kk..16kk+15 are S tiles 2kk and 2kk+1, whose C fragments are that A fragment as they stand.
template <int MT, class Round, int NJ>
__device__ __forceinline__ void pack_p_half(uint32_t (&pa)[MT][NJ / 2][4], const float (&p)[MT][NJ][4]) {
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int kk = 0; kk < NJ / 2; ++kk) {
      Round::pack4(p[mt][2 * kk][0], p[mt][2 * kk][1], p[mt][2 * kk][2], p[mt][2 * kk][3], pa[mt][kk][0],
                   pa[mt][kk][1]);
      Round::pack4(p[mt][2 * kk + 1][0], p[mt][2 * kk + 1][1], p[mt][2 * kk + 1][2], p[mt][2 * kk + 1][3],
                   pa[mt][kk][2], pa[mt][kk][3]);
    }
}

// l = f32(f32(l·alpha) + Σ P̃) on mma.sync (kQuantizedDenominator), the row sums of P̃ from the
// tensor cores: P̃, the P̃·V A operand, times a B operand of ones of its type (f16 m16n8k16, or
// e4m3 m16n8k32 for the V8t methods); every column of the product holds its row's sum.
template <class T>
__device__ __forceinline__ void update_denominator_p_tilde(float (&l)[T::kMTiles][2],
                                                           const uint32_t (&pa)[T::kMTiles][T::kPSteps][4],
                                                           const float (&alpha)[T::kMTiles][2]) {
  constexpr int MT = T::kMTiles;
  constexpr uint32_t kOnes = T::PV::kOnes;
  float sum[MT][4] = {};
#pragma unroll
  for (int ks = 0; ks < T::kPSteps; ++ks)
#pragma unroll
    for (int mt = 0; mt < MT; ++mt) {
      if constexpr (T::PV::kV8t) mma_e4m3(sum[mt], pa[mt][ks], kOnes, kOnes);
      else mma_f16(sum[mt], pa[mt][ks], kOnes, kOnes);
    }
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int h = 0; h < 2; ++h) l[mt][h] = fold_row_sum(l[mt][h], alpha[mt][h], sum[mt][2 * h]);
}

// acc = acc·alpha + P̃·V with f16 P̃ (RoundHalf / RoundE5M2<> / RoundE4M3x256) and an f16 V tile
// [Bc keys][D] (ldmatrix.trans gives the "col" B operand). The mma accumulates the block's
// products onto f32(acc·alpha) (the FA2 idiom; the contract leaves the tensor core's FP32 add
// order free). Measured: int8-half, which shares this path with exact integer scores, stays
// within 1 FP16 ulp of the per-block emulation, so this order costs no visible accuracy.
// The denominator: l = f32(f32(l·alpha) + Σ w), with w = p summed on the FP32 pipes, or
// (kQuantizedDenominator) w = P̃ summed by the tensor cores, P̃ times a B operand of ones.
template <class T>
__device__ __forceinline__ void pv_half(float (&acc)[T::kMTiles][T::kD / 8][4], float (&l)[T::kMTiles][2],
                                        const float (&p)[T::kMTiles][T::kKeyTiles][4],
                                        const float (&alpha)[T::kMTiles][2], uint32_t vTile,
                                        int lane) {
  constexpr int MT = T::kMTiles, D = T::kD, kChunks = D / 8;
  if constexpr (!T::PV::kQuantizedDenominator) update_denominator_float<MT>(l, p, alpha);
  uint32_t pa[MT][T::kPSteps][4];
  pack_p_half<MT, typename T::PV::PRound>(pa, p);
  if constexpr (T::PV::kQuantizedDenominator) update_denominator_p_tilde<T>(l, pa, alpha);
  scale_acc<MT, D>(acc, alpha);
  if constexpr (T::VOp::kWidenInRegisters) {  // FP8 V bytes: 16-byte chunks of 16 channels
#pragma unroll
    for (int kk = 0; kk < T::kPSteps; ++kk)
#pragma unroll
      for (int cp = 0; cp < D / 32; ++cp) {
        // lanes 0-7 keys 0-7 chunk 2cp | 8-15 keys 8-15 chunk 2cp | 16-31 the same for chunk 2cp+1
        uint32_t b[4];
        ldmatrix_x4_trans(b, vTile + tile_offset<D / 16>(16 * kk + (lane & 7) + ((lane >> 3) & 1) * 8,
                                                        2 * cp + (lane >> 4)));
#pragma unroll
        for (int ci = 0; ci < 2; ++ci) {  // chunk c = 2cp + ci: acc tiles 2c (even), 2c+1 (odd)
          using VOp = typename T::VOp;
          const uint32_t even0 = VOp::template pair<0, 2>(b[2 * ci]);
          const uint32_t even1 = VOp::template pair<0, 2>(b[2 * ci + 1]);
          const uint32_t odd0 = VOp::template pair<1, 3>(b[2 * ci]);
          const uint32_t odd1 = VOp::template pair<1, 3>(b[2 * ci + 1]);
          const int c = 2 * cp + ci;
#pragma unroll
          for (int mt = 0; mt < MT; ++mt) {
            mma_f16(acc[mt][2 * c], pa[mt][kk], even0, even1);
            mma_f16(acc[mt][2 * c + 1], pa[mt][kk], odd0, odd1);
          }
        }
      }
  } else {
#pragma unroll
    for (int kk = 0; kk < T::kPSteps; ++kk)
#pragma unroll
      for (int dp = 0; dp < D / 16; ++dp) {
        // lanes 0-7 keys 0-7 chunk 2dp (b0) | 8-15 keys 8-15 (b1) | 16-31 the same for chunk 2dp+1
        uint32_t b[4];
        ldmatrix_x4_trans(b, vTile + tile_offset<kChunks>(16 * kk + (lane & 7) + ((lane >> 3) & 1) * 8,
                                                         2 * dp + (lane >> 4)));
#pragma unroll
        for (int mt = 0; mt < MT; ++mt) {
          mma_f16(acc[mt][2 * dp], pa[mt][kk], b[0], b[1]);
          mma_f16(acc[mt][2 * dp + 1], pa[mt][kk], b[2], b[3]);
        }
      }
  }
}

// P̃ = e4m3(f32(p·256)) as the 8-bit A operand of the Bc/32 k32 steps of a block, in the key
// order of pv_int8 (below), which the V8t permutation matches.
template <int MT, int NJ>
__device__ __forceinline__ void pack_p_e4m3(uint32_t (&pa)[MT][NJ / 4][4], const float (&p)[MT][NJ][4]) {
  const auto code4 = [&](int mt, int j, int e) {  // keys of tiles j, j+1 at c-index e, e+1
    return pack_e4m3x4(__fmul_rn(p[mt][j][e], 256.f), __fmul_rn(p[mt][j][e + 1], 256.f),
                       __fmul_rn(p[mt][j + 1][e], 256.f), __fmul_rn(p[mt][j + 1][e + 1], 256.f));
  };
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int s = 0; s < NJ / 4; ++s) {
      pa[mt][s][0] = code4(mt, 4 * s, 0);
      pa[mt][s][1] = code4(mt, 4 * s, 2);
      pa[mt][s][2] = code4(mt, 4 * s + 2, 0);
      pa[mt][s][3] = code4(mt, 4 * s + 2, 2);
    }
}

// The B operands of two k32 steps of the 8-bit P̃·V mma.sync for channel tile dt: V8t rows
// 8dt..8dt+7 (channels), 16-byte chunks 4h..4h+3 (keys 64h..64h+63) = b0,b1 of step 2h, b0,b1 of
// step 2h+1.
template <class T>
__device__ __forceinline__ void v8t_b_operands(uint32_t (&b)[4], uint32_t vtTile, int dt, int h,
                                               int lane) {
  ldmatrix_x4(b, vtTile + tile_offset<T::kKeys / 16>(8 * dt + (lane & 7), 4 * h + (lane >> 3)));
}

// acc = acc·alpha + P̃·V with P̃ = e4m3(f32(p·256)) and V8t e4m3 codes: the e4m3 m16n8k32 mma
// accumulating onto f32(acc·alpha), as pv_half does with f16.
// The denominator as pv_half's.
template <class T>
__device__ __forceinline__ void pv_fp8(float (&acc)[T::kMTiles][T::kD / 8][4], float (&l)[T::kMTiles][2],
                                       const float (&p)[T::kMTiles][T::kKeyTiles][4],
                                       const float (&alpha)[T::kMTiles][2], uint32_t vtTile,
                                       int lane) {
  constexpr int MT = T::kMTiles, D = T::kD;
  if constexpr (!T::PV::kQuantizedDenominator) update_denominator_float<MT>(l, p, alpha);
  uint32_t pa[MT][T::kPSteps][4];
  pack_p_e4m3<MT>(pa, p);
  if constexpr (T::PV::kQuantizedDenominator) update_denominator_p_tilde<T>(l, pa, alpha);
  scale_acc<MT, D>(acc, alpha);
#pragma unroll
  for (int dt = 0; dt < D / 8; ++dt)
#pragma unroll
    for (int h = 0; h < T::kPSteps / 2; ++h) {
      uint32_t b[4];
      v8t_b_operands<T>(b, vtTile, dt, h, lane);
#pragma unroll
      for (int mt = 0; mt < MT; ++mt) {
        mma_e4m3(acc[mt][dt], pa[mt][2 * h], b[0], b[1]);
        mma_e4m3(acc[mt][dt], pa[mt][2 * h + 1], b[2], b[3]);
      }
    }
}

// P̃·V8 of one block per channel tile (exact s32, started at kMagicSigned so that float(pv) is one
// FADD) folded into acc with its rescale: acc = fma(acc, alpha, pv), one FFMA (fold_block_sum).
template <class T>
__device__ __forceinline__ void pv_int8_fold(float (&acc)[T::kMTiles][T::kD / 8][4],
                                             const uint32_t (&pa)[T::kMTiles][T::kPSteps][4],
                                             const float (&alpha)[T::kMTiles][2], uint32_t vtTile,
                                             int lane) {
  constexpr int MT = T::kMTiles, D = T::kD;
#pragma unroll
  for (int dt = 0; dt < D / 8; ++dt) {
    int pv[MT][4];
#pragma unroll
    for (int mt = 0; mt < MT; ++mt)
#pragma unroll
      for (int e = 0; e < 4; ++e) pv[mt][e] = kMagicSigned;
#pragma unroll
    for (int h = 0; h < T::kPSteps / 2; ++h) {
      uint32_t b[4];
      v8t_b_operands<T>(b, vtTile, dt, h, lane);
#pragma unroll
      for (int mt = 0; mt < MT; ++mt) {
        mma_i8<T::PV::kU8>(pv[mt], pa[mt][2 * h], b[0], b[1]);
        mma_i8<T::PV::kU8>(pv[mt], pa[mt][2 * h + 1], b[2], b[3]);
      }
    }
#pragma unroll
    for (int mt = 0; mt < MT; ++mt)
#pragma unroll
      for (int e = 0; e < 4; ++e)
        acc[mt][dt][e] = fold_block_sum(acc[mt][dt][e], alpha[mt][e >> 1], magic_to_float(pv[mt][e]));
  }
}

// P̃ = rint(p·levels) (s8 for 127, u8 for 255) as the A operand of the P̃·V8 mma, whose
// exact s32 sum pv is then folded as acc = fma(acc, alpha, pv). The denominator is updated
// here too: from float p, or (kQuantizedDenominator) from Σ P̃ exact, then FP32.
//
// P̃ A operand of the k32 step s (keys 32s..32s+31 = S tiles 4s..4s+3), thread (g, t):
//   a0 = row g   [tile 4s: c0 c1 | tile 4s+1: c0 c1]  = keys 2t, 2t+1, 8+2t, 9+2t
//   a1 = row g+8 [tile 4s: c2 c3 | tile 4s+1: c2 c3]
//   a2 = row g   [tile 4s+2: c0 c1 | tile 4s+3: c0 c1] = keys 16+2t, 17+2t, 24+2t, 25+2t
//   a3 = row g+8 [tile 4s+2: c2 c3 | tile 4s+3: c2 c3]
// The mma reads a0 as k = 4t..4t+3, so V8t's byte 4t+e of a 32-key group must hold the key
// listed above: that is the V8t permutation (int8_attention.cu).
template <class T>
__device__ __forceinline__ void quantize_p_int8(uint32_t (&pa)[T::kMTiles][T::kPSteps][4],
                                                float (&l)[T::kMTiles][2],
                                                const float (&p)[T::kMTiles][T::kKeyTiles][4],
                                                const float (&alpha)[T::kMTiles][2]) {
  constexpr int MT = T::kMTiles, NJ = T::kKeyTiles;
  using PV = typename T::PV;
  constexpr bool kCodeSums = PV::kQuantizedDenominator && !T::kOnesTile;  // kOnesTile: the wgmma sums
  // kAddressesInLoop (two m-tiles a warp): each k step's codes are summed and packed as soon as
  // they are made, so that the codes of a whole block are never live beside p and P̃ (that spilled
  // up to 976 bytes, TUNING.md v53). With one m-tile the SASS stays as measured: all codes, then
  // the sums, then P̃. The s32 sums are exact in any order, so both forms give the same bits.
  constexpr bool kPerStep = T::kAddressesInLoop;
  uint32_t q[MT][NJ][4];  // 0x4B000000 + P̃
  uint32_t rowSum[MT][2];
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
    rowSum[mt][0] = rowSum[mt][1] = 0u - 2u * NJ * kMagicUnsigned;  // 2·NJ keys per lane and row
  const auto sumCodes = [&](int mt, int s, int h) {
#pragma unroll
    for (int j = 4 * s; j < 4 * s + 4; ++j) rowSum[mt][h] += q[mt][j][2 * h] + q[mt][j][2 * h + 1];
  };
  const auto pack = [&](int mt, int s) {
    const uint32_t(&c)[NJ][4] = q[mt];
    pa[mt][s][0] = pack_magic_bytes(c[4 * s][0], c[4 * s][1], c[4 * s + 1][0], c[4 * s + 1][1]);
    pa[mt][s][1] = pack_magic_bytes(c[4 * s][2], c[4 * s][3], c[4 * s + 1][2], c[4 * s + 1][3]);
    pa[mt][s][2] = pack_magic_bytes(c[4 * s + 2][0], c[4 * s + 2][1], c[4 * s + 3][0], c[4 * s + 3][1]);
    pa[mt][s][3] = pack_magic_bytes(c[4 * s + 2][2], c[4 * s + 2][3], c[4 * s + 3][2], c[4 * s + 3][3]);
  };
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int s = 0; s < NJ / 4; ++s) {
#pragma unroll
      for (int j = 4 * s; j < 4 * s + 4; ++j)
#pragma unroll
        for (int e = 0; e < 4; ++e) q[mt][j][e] = rint_scaled_to_magic(p[mt][j][e], PV::kLevels);
      if constexpr (kPerStep) {
        if constexpr (kCodeSums) sumCodes(mt, s, 0), sumCodes(mt, s, 1);
        pack(mt, s);
      }
    }
  if constexpr (kCodeSums) {
#pragma unroll
    for (int mt = 0; mt < MT; ++mt)
#pragma unroll
      for (int h = 0; h < 2; ++h) {
        if constexpr (!kPerStep) {
#pragma unroll
          for (int s = 0; s < NJ / 4; ++s) sumCodes(mt, s, h);
        }
        const float sum = __int2float_rn(static_cast<int>(quad_sum(rowSum[mt][h])));
        l[mt][h] = fold_row_sum(l[mt][h], alpha[mt][h], sum);
      }
  } else if constexpr (!PV::kQuantizedDenominator) {
    update_denominator_float<MT>(l, p, alpha);
  }
  if constexpr (!kPerStep) {
#pragma unroll
    for (int mt = 0; mt < MT; ++mt)
#pragma unroll
      for (int s = 0; s < NJ / 4; ++s) pack(mt, s);
  }
}

// pv_int8 on mma.sync: P̃ quantized as above, then folded per channel tile.
template <class T>
__device__ __forceinline__ void pv_int8(float (&acc)[T::kMTiles][T::kD / 8][4], float (&l)[T::kMTiles][2],
                                        const float (&p)[T::kMTiles][T::kKeyTiles][4],
                                        const float (&alpha)[T::kMTiles][2], uint32_t vtTile,
                                        int lane) {
  constexpr int MT = T::kMTiles;
  uint32_t pa[MT][T::kPSteps][4];
  quantize_p_int8<T>(pa, l, p, alpha);
  pv_int8_fold<T>(acc, pa, alpha, vtTile, lane);
}

// ---------------------------------------------------------------------------------------------
// P̃·V on wgmma (sm_90a), in three steps so that a schedule may put other work between them:
//   p_operand_wgmma   P̃ as the A operand (registers), the denominator updated on the way
//   pv_wgmma_issue    one wgmma commit group: P̃ (registers) times the V tile (shared memory)
//   pv_wgmma_finish   after a wgmma_wait that covers the group: the accumulators are usable
// ---------------------------------------------------------------------------------------------

// The accumulators a P̃·V wgmma writes. The V8t methods (INT8 and fp8-native) sum each block in
// fresh accumulators and fold them into acc:
//   INT8: exact s32, started by the first k step's scale-d = 0, float by sum_to_float;
//   FP8:  f32. Hopper's FP8 tensor cores add with fewer bits than FP32: accumulating onto
//         acc·alpha in place (as pv_fp8 does on mma.sync) drifts with N, to 140x the emulation's
//         error at N=16k on uniform inputs (results/2026-11-23-h100-fp8-wgmma-in-place), so each
//         block's sum is promoted to FP32 here, as FlashAttention-3 and DeepSeek-V3 do for FP8.
// The f16 P̃·V accumulates onto f32(acc·alpha) in place, as pv_half's mma.sync do.
// The quantized-denominator methods also get the row sums of the P̃ codes from the tensor cores,
// as P̃ times a tile of ones (T::kOnesTile), in the same commit group: exact in any order, so the
// same sum as adding the codes on the FP32/ALU pipes, without ~16 IADDs and a quad shuffle per row.
// An INT8 folding method's block runs as kPieces commit groups of kN channels each, one after
// the other, each folded before the next is issued (pv_wgmma_block): at D = 128 with Bc = 128, so
// that 32 sum registers are live beside acc (64) and P̃ (16) instead of 64, on three consumer
// groups of 160 registers. Alone it left ptxas's 88-byte spill (the round's peak is the softmax:
// see Masking); with the loop split a whole block's P̃·V compiles without spills too
// (ATTN_PV_PIECES = 1), but int8 ran 9-10% slower that way (kcheck runs 70, 72). fp8-native runs
// its block whole: 2-3% faster (runs 72, 73: v40), and so do the main entries of the methods that
// take their row sums from the tensor cores (int8-plus, int8+qsum: +1% at N = 16k, run 90: v47),
// whose persistent short entries lost 3-5% that way at 4k. The sums are exact and each channel is
// folded as before, so the bits do not change either way.
template <class T>
struct PvInFlight {
  static constexpr bool kFold = T::PV::kV8t;
  static constexpr bool kRowSum = T::kOnesTile;
  static constexpr int kOnesRegs = T::kOnesInV ? 4 : 0;  // the row sums, after pv's D/2
  static constexpr int kPieces =
      kFold && T::PV::kInt8 && T::kD == 128 && T::kKeys == 128 && T::kProducerWarp && !(kRowSum && !T::kPersistent)
          ? ATTN_PV_PIECES
          : 1;  // the plain schedule's (one-warpgroup entries, v70) issues it whole
  static constexpr int kN = T::kD / kPieces;  // channels per piece
  using Acc = typename std::conditional<T::PV::kInt8, int, float>::type;
  Acc pv[kFold ? kN / 2 + kOnesRegs : 1];
  Acc rowSum[kRowSum ? 4 : 1];  // rows g (0, 1) and g+8 (2, 3); both columns hold the same sum
};

// The ones tile (T::kOnesTile), written by the consumer threads before the barrier that also
// publishes Q (the caller fences it for the async proxy, which wgmma reads through).
template <class T>
__device__ __forceinline__ void init_ones_tile(uint8_t* smem, int tid) {
  if constexpr (T::kOnesTile) {
    constexpr int kWords = 1024 / 4;
    for (int i = tid; i < kWords; i += T::kConsumerThreads)
      reinterpret_cast<uint32_t*>(smem + T::kOffOnes)[i] = T::PV::kOnes;
  }
  if constexpr (T::kOnesInV) {  // after each V8t stage, which its loads do not overwrite
    constexpr int kWords = 8 * T::kKeys / 4;
    for (int s = 0; s < T::kStages; ++s)
      for (int i = tid; i < kWords; i += T::kConsumerThreads)
        reinterpret_cast<uint32_t*>(smem + T::kOffV + s * T::kVStageStride + T::kVStageBytes)[i] = T::PV::kOnes;
  }
}
__device__ __forceinline__ uint32_t dynamic_smem_base() {
  extern __shared__ __align__(1024) uint8_t smem[];
  return smem_addr(smem);
}

// P̃ of one block: 8-bit codes (s8/u8 rint(p·levels), e4m3(p·256)) in the key order of the V8t
// permutation, Bc/32 k32 steps; or f16-rounded (Round), Bc/16 k16 steps.
template <class T>
__device__ __forceinline__ void p_operand_wgmma(uint32_t (&pa)[1][T::kPSteps][4], float (&l)[1][2],
                                                const float (&p)[1][T::kKeyTiles][4],
                                                const float (&alpha)[1][2]) {
  if constexpr (T::PV::kInt8) {
    quantize_p_int8<T>(pa, l, p, alpha);
  } else {
    if constexpr (!T::kOnesTile && !T::kOnesInV) update_denominator_float(l, p, alpha);  // else pv_wgmma_finish
    if constexpr (T::PV::kV8t) pack_p_e4m3<1>(pa, p);
    else pack_p_half<1, typename T::PV::PRound>(pa, p);
  }
}

// +0.0f computed from the last word of P̃, so that the FP8 fold's fresh accumulators are not
// zeroed during the softmax: ptxas hoisted the moves there, holding kN/2 more registers through
// the round's register peak, and fp8-native spilled at Bc = 128, D = 128 (used at
// AttnTraits::kTightRegisters only: elsewhere the SASS is as measured).
__device__ __forceinline__ float zero_after(uint32_t lastP) {
  uint32_t z;
  asm("and.b32 %0, %1, 0;" : "=r"(z) : "r"(lastP));
  return __uint_as_float(z);
}

// V8t [D channels][Bc keys] is K-major (Bc/32 k32 steps, 32 bytes apart in its rows of Bc bytes);
// f16 V [Bc keys][D] is read MN-major (no transposed copy: wgmma transposes 16-bit B operands),
// Bc/16 k16 steps of two 8-key atoms (2048 bytes) each. Parts as for Q·Kᵀ: pv_wgmma_init (fresh accumulators, or acc·alpha),
// then after a wgmma_fence pv_wgmma_mma.
template <class T>
__device__ __forceinline__ void pv_wgmma_init(float (&acc)[1][T::kD / 8][4], PvInFlight<T>& f,
                                              const float (&alpha)[1][2], uint32_t lastP) {
  if constexpr (PvInFlight<T>::kFold) {
    if constexpr (!T::PV::kInt8) {  // as in qk_wgmma_init
      const float zero = T::kTightRegisters ? zero_after(lastP) : 0.f;
#pragma unroll
      for (int i = 0; i < PvInFlight<T>::kN / 2 + PvInFlight<T>::kOnesRegs; ++i) f.pv[i] = zero;
      wgmma_hold(f.pv);
    }
  } else {
    scale_acc<1, T::kD>(acc, alpha);
    wgmma_hold(reinterpret_cast<float(&)[T::kD / 2]>(acc[0]));
  }
}
// One k32 step of a folding method's P̃ times an 8-bit tile of N columns: V8t (N = D), or the
// ones tile (N = 8, the INT8 row sums). scale-d = 0 starts the block's sum, 1 adds to it.
template <class T, int kScaleD, int N = T::kD>
__device__ __forceinline__ void pv_wgmma_step(typename PvInFlight<T>::Acc (&d)[N / 2],
                                              const uint32_t (&a)[4], uint64_t desc) {
  static_assert(N == 64 || N == 128 || (N == 8 && T::kOnesTile) || (N == 136 && T::kOnesInV),
                "a P̃·V8t or row-sum wgmma shape");
  if constexpr (!T::PV::kInt8) {
    if constexpr (N == 8) wgmma_e4m3_m64n8k32_rs<kScaleD>(d, a, desc);
    else if constexpr (N == 136) wgmma_e4m3_m64n136k32_rs<kScaleD>(d, a, desc);
    else if constexpr (N == 64) wgmma_e4m3_m64n64k32_rs<kScaleD>(d, a, desc);
    else wgmma_e4m3_m64n128k32_rs<kScaleD>(d, a, desc);
  } else if constexpr (T::PV::kU8) {
    if constexpr (N == 8) wgmma_u8_m64n8k32_rs<kScaleD>(d, a, desc);
    else if constexpr (N == 64) wgmma_u8_m64n64k32_rs<kScaleD>(d, a, desc);
    else wgmma_u8_m64n128k32_rs<kScaleD>(d, a, desc);
  } else {
    if constexpr (N == 8) wgmma_s8_m64n8k32_rs<kScaleD>(d, a, desc);
    else if constexpr (N == 64) wgmma_s8_m64n64k32_rs<kScaleD>(d, a, desc);
    else wgmma_s8_m64n128k32_rs<kScaleD>(d, a, desc);
  }
}
// Piece kPiece of the block (PvInFlight::kPieces): V8t's channels kPiece·kN … (rows of Bc bytes).
template <class T, int kPiece>
__device__ __forceinline__ void pv_wgmma_mma(float (&acc)[1][T::kD / 8][4], PvInFlight<T>& f,
                                             const uint32_t (&pa)[1][T::kPSteps][4], uint32_t vTile) {
  constexpr int D = T::kD;
  constexpr int kKeys = T::kKeys;
  if constexpr (PvInFlight<T>::kFold) {
    constexpr int N = PvInFlight<T>::kN + 2 * PvInFlight<T>::kOnesRegs;  // kOnesInV: the ones' 8 rows too
    const uint32_t vPiece = vTile + kPiece * PvInFlight<T>::kN * kKeys;
    pv_wgmma_step<T, T::PV::kInt8 ? 0 : 1, N>(f.pv, pa[0][0], smem_desc<kKeys>(vPiece, 0));
#pragma unroll
    for (int ks = 1; ks < T::kPSteps; ++ks)
      pv_wgmma_step<T, 1, N>(f.pv, pa[0][ks], smem_desc<kKeys>(vPiece, 32 * ks));
    if constexpr (PvInFlight<T>::kRowSum && kPiece == 0) {
      const uint32_t ones = dynamic_smem_base() + T::kOffOnes;
      pv_wgmma_step<T, 0, 8>(f.rowSum, pa[0][0], smem_desc<kKeys>(ones, 0));
#pragma unroll
      for (int ks = 1; ks < T::kPSteps; ++ks)
        pv_wgmma_step<T, 1, 8>(f.rowSum, pa[0][ks], smem_desc<kKeys>(ones, 32 * ks));
    }
  } else {
    float(&d)[D / 2] = reinterpret_cast<float(&)[D / 2]>(acc[0]);
#pragma unroll
    for (int kk = 0; kk < T::kPSteps; ++kk) {
      const uint64_t desc = smem_desc_mn<T::kKeys * 128>(vTile, 2048 * kk);
      if constexpr (D == 64) wgmma_f16_m64n64k16_rs_tb(d, pa[0][kk], desc);
      else wgmma_f16_m64n128k16_rs_tb(d, pa[0][kk], desc);
    }
    if constexpr (PvInFlight<T>::kRowSum) {  // every k16 step reads 32 bytes of a 128-byte row of ones
      const uint32_t ones = dynamic_smem_base() + T::kOffOnes;
      wgmma_f16_m64n8k16_rs<0>(f.rowSum, pa[0][0], smem_desc<128>(ones, 0));
#pragma unroll
      for (int kk = 1; kk < T::kPSteps; ++kk)
        wgmma_f16_m64n8k16_rs(f.rowSum, pa[0][kk], smem_desc<128>(ones, 32 * (kk % 4)));
    }
  }
  wgmma_commit();
}
template <class T, int kPiece = 0>
__device__ __forceinline__ void pv_wgmma_issue(float (&acc)[1][T::kD / 8][4], PvInFlight<T>& f,
                                               const uint32_t (&pa)[1][T::kPSteps][4],
                                               const float (&alpha)[1][2], uint32_t vTile) {
  pv_wgmma_init<T>(acc, f, alpha, pa[0][T::kPSteps - 1][3]);
  wgmma_fence();
  pv_wgmma_mma<T, kPiece>(acc, f, pa, vTile);
}

// acc = fma(acc, alpha, pv) for the folding methods; the f16 path only ties acc to the wait.
// The quantized denominator is updated here too (PvInFlight::kRowSum):
// l = f32(f32(l·alpha) + Σ P̃), the update quantize_p_int8 makes on mma.sync, here once the P̃·V
// group has completed, in the same block order.
template <class T, int kPiece = 0>
__device__ __forceinline__ void pv_wgmma_finish(float (&acc)[1][T::kD / 8][4], float (&l)[1][2],
                                                PvInFlight<T>& f, const float (&alpha)[1][2]) {
  constexpr int D = T::kD;
  if constexpr (PvInFlight<T>::kRowSum && kPiece == 0) {
    wgmma_hold(f.rowSum);
#pragma unroll
    for (int h = 0; h < 2; ++h)
      l[0][h] = fold_row_sum(l[0][h], alpha[0][h], sum_to_float(f.rowSum[2 * h]));
  }
  if constexpr (PvInFlight<T>::kFold) {
    constexpr int kTiles = PvInFlight<T>::kN / 8, kTile0 = kPiece * kTiles;
    wgmma_hold(f.pv);
    if constexpr (T::kOnesInV) {  // the ones' 8 columns after the D channels: rows g and g+8
#pragma unroll
      for (int h = 0; h < 2; ++h)
        l[0][h] = fold_row_sum(l[0][h], alpha[0][h], f.pv[PvInFlight<T>::kN / 2 + 2 * h]);
    }
#pragma unroll
    for (int dt = 0; dt < kTiles; ++dt)
#pragma unroll
      for (int e = 0; e < 4; ++e)
        acc[0][kTile0 + dt][e] =
            fold_block_sum(acc[0][kTile0 + dt][e], alpha[0][e >> 1], sum_to_float(f.pv[4 * dt + e]));
  } else {
    wgmma_hold(reinterpret_cast<float(&)[D / 2]>(acc[0]));
  }
}

// The P̃·V of one block on the warp-specialized schedule, piece by piece (PvInFlight::kPieces),
// each issued, waited for and folded before the next: the rounds of the three consumer groups run
// in series and hide each other's waits.
template <class T, int kPiece = 0>
__device__ __forceinline__ void pv_wgmma_block(float (&acc)[1][T::kD / 8][4], float (&l)[1][2],
                                               const uint32_t (&pa)[1][T::kPSteps][4],
                                               const float (&alpha)[1][2], uint32_t vTile) {
  PvInFlight<T> f;
  pv_wgmma_issue<T, kPiece>(acc, f, pa, alpha, vTile);
  wgmma_wait<0>();
  wgmma_keep(pa[0]);
  pv_wgmma_finish<T, kPiece>(acc, l, f, alpha);
  if constexpr (kPiece + 1 < PvInFlight<T>::kPieces) pv_wgmma_block<T, kPiece + 1>(acc, l, pa, alpha, vTile);
}

// ---------------------------------------------------------------------------------------------
// Tile loads (cp.async; rows past N are zero-filled, so masked keys meet V = 0, never NaN)
// ---------------------------------------------------------------------------------------------

// s_k of key block kb (INT8 Q·Kᵀ): a whole block of its zero-padded row (padded_keys.cuh), so
// neither loader masks it.
template <class T>
__device__ __forceinline__ const float* key_scales(const AttnParams& p, int bh, int kb) {
  return p.sk + static_cast<long>(bh) * padded_keys(p.n) + kb * T::kKeys;
}

// K (or K8) rows of key block kb into K stage kbuf, and s_k into s_k stage skbuf (INT8 QK), by
// every thread of the block (the plain schedule).
template <class T>
__device__ __forceinline__ void load_k_block(const AttnParams& p, uint8_t* smem, int bh, int kb,
                                             int kbuf, int skbuf, int tid) {
  constexpr int D = T::kD, kKeys = T::kKeys, kKb = T::QOp::kGlobalBytes, kLoaders = T::kThreads;
  const int n = p.n, key0 = kb * kKeys, valid = min(kKeys, n - key0);
  const uint32_t dst = smem_addr(smem + T::kOffK + kbuf * T::kKStageBytes);
  const uint8_t* src = p.k + (static_cast<long>(bh) * n + key0) * D * kKb;
  if constexpr (T::QOp::kWiden)
    copy_raw_async<kKeys, D * kKb / 16, kLoaders>(dst, src, D * kKb, valid, tid);
  else
    copy_tile_async<kKeys, D * kKb / 16, kLoaders, true, T::kQKPaneled>(dst, src, D * kKb, valid, tid);
  if constexpr (T::QK::kInt8) {
    static_assert(kLoaders >= kKeys / 4, "s_k: one 16-byte copy a loader");
    if (tid < kKeys / 4)
      cp_async_16(smem_addr(smem + T::kOffSk + skbuf * T::kSkStageBytes) + 16 * tid,
                  key_scales<T>(p, bh, kb) + 4 * tid, true);
  }
}

// V rows (f16 / FP8) or the V8t slab [D][Bc keys] of key block kb into V stage vbuf.
template <class T>
__device__ __forceinline__ void load_v_block(const AttnParams& p, uint8_t* smem, int bh, int kb,
                                             int vbuf, int tid) {
  constexpr int D = T::kD, kKeys = T::kKeys, kVb = T::VOp::kGlobalBytes, kLoaders = T::kThreads;
  const int n = p.n, key0 = kb * kKeys, valid = min(kKeys, n - key0);
  const uint32_t dst = smem_addr(smem + T::kOffV + vbuf * T::kVStageStride);
  if constexpr (T::PV::kV8t) {
    // V8t [B,H,D,Npad]: D rows of the block's Bc keys (always inside the zero-padded Npad)
    const int nPad = padded_keys(n);
    const uint8_t* src = p.v + static_cast<long>(bh) * D * nPad + key0;
    copy_tile_async<D, kKeys / 16, kLoaders, true, false>(dst, src, nPad, D, tid);
  } else {
    const uint8_t* src = p.v + (static_cast<long>(bh) * n + key0) * D * kVb;
    if constexpr (T::VOp::kWiden)
      copy_raw_async<kKeys, D * kVb / 16, kLoaders>(dst, src, D * kVb, valid, tid);
    else
      copy_tile_async<kKeys, D * kVb / 16, kLoaders, true, T::kVPaneled>(dst, src, D * kVb, valid, tid);
  }
}

// Key block kb's K and V tiles (and, INT8 Q·Kᵀ, s_k's block) copied into slot `slot` of the
// loaded K/V ring, completing barrier `bar` as transaction bytes; issued by one thread.
template <class T>
__device__ __forceinline__ void tma_load_key_block(const AttnParams& p, uint8_t* smem, int bh, int kb,
                                                   int slot, uint32_t bar) {
  constexpr int kKeys = T::kKeys;
  const int key0 = kb * kKeys;
  mbar_arrive_expect_tx(bar, T::kKStageBytes + T::kVStageBytes + T::kSkStageBytes);
  if constexpr (T::QK::kInt8)
    bulk_load(smem_addr(smem + T::kOffSk + slot * T::kSkStageBytes), key_scales<T>(p, bh, kb),
              T::kSkStageBytes, bar);
  tma_load_rows<typename T::KTmaRows, kKeys>(smem_addr(smem + T::kOffK + slot * T::kKStageBytes), &p.maps->k,
                                             key0, bh, bar);
  const uint32_t vDst = smem_addr(smem + T::kOffV + slot * T::kVStageStride);
  if constexpr (T::PV::kV8t) tma_load(vDst, &p.maps->v, key0, 0, bh, bar);  // D rows of key bytes
  else tma_load_rows<typename T::VTmaRows, kKeys>(vDst, &p.maps->v, key0, bh, bar);
}

// The plain schedule's `full` mbarrier of K/V stage `stage` (kPlainTma).
template <class T>
__device__ __forceinline__ uint32_t plain_full_bar(uint8_t* smem, int stage) {
  return smem_addr(smem + T::kOffBar) + 8 * stage;
}

// ---------------------------------------------------------------------------------------------
// The kernel body
// ---------------------------------------------------------------------------------------------

// v, as a value the compiler cannot compute before the volatile asm that precede this point.
__device__ __forceinline__ int value_after_loop(int v) {
  asm volatile("mov.b32 %0, %0;" : "+r"(v));
  return v;
}

// A thread index made again after the volatile asm that precede this point (value_after_loop),
// with its range restored, so that copy_tile_async's / and % by powers of two stay shifts.
__device__ __forceinline__ int thread_index_after_loop(int tid) {
  const int t = value_after_loop(tid);
  __builtin_assume(t >= 0 && t < 1024);
  return t;
}

// Where this block and this warp sit in the problem.
struct BlockPlace {
  int tid, lane, warp, bh, n, row0, warpRow0, numBlocks;
  bool causal;
};

// This thread's share of its warp's rows: online-softmax state and the output accumulators.
template <class T>
struct RowState {
  float m[T::kMTiles][2], l[T::kMTiles][2], r[T::kMTiles][2];
  float acc[T::kMTiles][T::kD / 8][4];
};

// Does block kb hold any key that some row of this warp's mma group (the warp, or its warpgroup
// for wgmma, which all its warps must issue together) may see? (rows past N see nothing)
template <class T>
__device__ __forceinline__ bool warp_sees_block(const BlockPlace& bp, int kb) {
  const int groupRow0 = T::kWgmma ? bp.row0 + (bp.warp >> 2) * 64 : bp.warpRow0;
  return groupRow0 < bp.n && !(bp.causal && kb * T::kKeys > groupRow0 + T::kGroupRows - 1);
}

// Shared-memory tiles that key block kb is read from (FP8: the widened copies, one per stage of
// the producer's f16 ring with kWidenRing).
template <class T>
__device__ __forceinline__ uint32_t k_tile_of(uint8_t* smem, int kb) {
  const unsigned stage = static_cast<unsigned>(kb) % T::kStages;
  if constexpr (T::kWidenRing) return smem_addr(smem + T::kOffKWide + stage * T::kKWideBytes);
  else if constexpr (T::QOp::kWiden) return smem_addr(smem + T::kOffKWide);
  else return smem_addr(smem + T::kOffK + stage * T::kKStageBytes);
}
template <class T>
__device__ __forceinline__ uint32_t v_tile_of(uint8_t* smem, int kb) {
  const unsigned stage = static_cast<unsigned>(kb) % T::kStages;
  if constexpr (T::kWidenRing) return smem_addr(smem + T::kOffVWide + stage * T::kVWideBytes);
  else if constexpr (T::VOp::kWiden) return smem_addr(smem + T::kOffVWide);
  else return smem_addr(smem + T::kOffV + stage * T::kVStageStride);
}

// How block_softmax masks a block's keys: as each block and warp needs (kRuntime: both forms of
// the softmax in the loop), or as the caller knows: kNone for the blocks before the first masked
// one, kAll (the masked form, a no-op on whole rows) for any block. AttnTraits::kMaskedRoundsApart
// runs the blocks before the first masked one in a loop of their own, so that ptxas allocates
// that loop's registers for one form; the rest run kRuntime on the warp-specialized schedule and
// kAll on the plain one, the forms ptxas fitted without spills (kAll spilled 4-56 bytes on three
// consumer groups; kRuntime 16-24 bytes at 255 registers on mma.sync, sm_80 and sm_89).
enum class Masking { kRuntime, kNone, kAll };

// The first key block in which some key of the rows from row0 on is masked (past N, or right of
// a row under causal masking); masked(kb) only grows with kb, so every block before it is whole
// for every row from row0 on.
__device__ __forceinline__ int first_masked_block(int n, bool causal, int row0, int keys) {
  return causal ? min(n, row0 + 1) / keys : n / keys;
}

// Key block kb's scores from its Q·Kᵀ accumulators (s_k of the block's stage for INT8), masked
// where the block reaches past N or the causal diagonal, then the online-softmax update: u holds
// p afterwards, alpha each row's rescale. Both schedules call it.
template <class T, Masking kMasking = Masking::kRuntime>
__device__ __forceinline__ void block_softmax(float (&u)[T::kMTiles][T::kKeyTiles][4],
                                              const typename T::SAcc (&s)[T::kMTiles][T::kKeyTiles][4],
                                              const uint8_t* smem, const BlockPlace& bp, int kb,
                                              RowState<T>& rs, float (&alpha)[T::kMTiles][2]) {
  constexpr int MT = T::kMTiles, kKeys = T::kKeys;
  const float* skTile =
      reinterpret_cast<const float*>(smem + T::kOffSk + (kb % T::kSkStages) * T::kSkStageBytes);
  scores_from_acc<T>(u, s, skTile, bp.lane);
  const int key0 = kb * kKeys;
  if constexpr (kMasking == Masking::kRuntime) {
    if (key0 + kKeys > bp.n || (bp.causal && key0 + kKeys - 1 > bp.warpRow0)) {
      mask_scores<T::kLeanRounds>(u, key0, bp.warpRow0, bp.n, bp.causal, bp.lane);
      online_softmax_update<MT, true>(u, rs.m, rs.r, alpha);
    } else {
      online_softmax_update<MT, false>(u, rs.m, rs.r, alpha);
    }
  } else if constexpr (kMasking == Masking::kAll) {
    mask_scores<T::kLeanRounds>(u, key0, bp.warpRow0, bp.n, bp.causal, bp.lane);
    online_softmax_update<MT, true>(u, rs.m, rs.r, alpha);
  } else {
    online_softmax_update<MT, false>(u, rs.m, rs.r, alpha);
  }
}

// One key block: Q·Kᵀ, online softmax, P̃·V. With kPipelined, the Q·Kᵀ mma of block kb+1 is
// issued before the softmax of block kb (into sNext), so the tensor cores could work on it while
// the FP32/MUFU pipes do the softmax; without it, Q·Kᵀ of block kb is issued here (into sCur).
//
//   pipelined, iteration kb:  reads K stage (kb+1)&1 -> sNext, V stage kb&1, s_k stage kb%3
//                             loads V(kb+1) -> V stage (kb+1)&1, K(kb+2) -> K stage kb&1,
//                             s_k(kb+2) -> s_k stage (kb+2)%3   (all free after the barrier)
//   plain, iteration kb:      reads K stage kb&1 -> sCur, V stage kb&1, s_k stage kb%3
//                             loads V(kb+1), K(kb+1), s_k(kb+1) into the other stages
template <class T, Masking kMasking = Masking::kRuntime>
__device__ __forceinline__ void key_block_step(const AttnParams& p, uint8_t* smem,
                                               const BlockPlace& bp, int kb,
                                               const uint32_t (&qf)[T::kMTiles][T::kQSteps][4],
                                               RowState<T>& rs,
                                               typename T::SAcc (&sCur)[T::kMTiles][T::kKeyTiles][4],
                                               typename T::SAcc (&sNext)[T::kMTiles][T::kKeyTiles][4]) {
  constexpr int MT = T::kMTiles, D = T::kD, kKeys = T::kKeys;
  if constexpr (T::kPlainTma) {
    mbar_wait(plain_full_bar<T>(smem, kb & 1), (kb >> 1) & 1);  // K(kb), V(kb) landed
  } else {
    cp_async_wait<0>();
    if constexpr (T::kWgmma) fence_proxy_async();  // the tiles are read by wgmma next
  }
  __syncthreads();  // V(kb), K(kb+1) landed; every warp is done with the tiles of block kb-1
  // The K block whose Q·Kᵀ this iteration issues: kb+1 when pipelined, else kb.
  constexpr int kAhead = T::kPipelined ? 1 : 0;
  const int kbQk = kb + kAhead;
  const auto loadNext = [&] {
    if constexpr (T::kPlainTma) {
      if (bp.tid == 0 && kb + 1 < bp.numBlocks)
        tma_load_key_block<T>(p, smem, bp.bh, kb + 1, (kb + 1) & 1, plain_full_bar<T>(smem, (kb + 1) & 1));
      return;
    }
    // Made once before the loop, ptxas held ~40 of these addresses across it (AttnTraits::
    // kAddressesInLoop); elsewhere they fit in registers, and stay there.
    const int tid = T::kAddressesInLoop ? thread_index_after_loop(bp.tid) : bp.tid;
    if (kb + 1 < bp.numBlocks) load_v_block<T>(p, smem, bp.bh, kb + 1, (kb + 1) & 1, tid);
    if (kbQk + 1 < bp.numBlocks)
      load_k_block<T>(p, smem, bp.bh, kbQk + 1, (kbQk + 1) & 1, (kbQk + 1) % T::kSkStages, tid);
    cp_async_commit();
  };
  // On wgmma without widening, the next block's copies are issued after this block's Q·Kᵀ wgmma
  // (v24), while it runs: their address arithmetic then fills the wait instead of preceding it,
  // and is dead before the softmax, where one-warpgroup blocks at 168 registers peak (the INT8
  // kernels spilled there with the copies first). The widened FP8 kernels widen this block's
  // tiles before the mma, after the copies, as before.
  constexpr bool kLoadLate = T::kWgmma && !T::kPipelined && !T::QOp::kWiden && !T::VOp::kWiden;
  if constexpr (!kLoadLate) loadNext();
  if constexpr (T::QOp::kWiden || T::VOp::kWiden) {
    if constexpr (T::QOp::kWiden) {
      if (kbQk < bp.numBlocks)
        widen_fp8_tile<kKeys, D, T::kThreads, T::QOp::kE4M3, T::kQKPaneled>(
            smem + T::kOffK + (kbQk & 1) * T::kKStageBytes, smem + T::kOffKWide, bp.tid);
    }
    if constexpr (T::VOp::kWiden)
      widen_fp8_tile<kKeys, D, T::kThreads, T::VOp::kE4M3, T::kVPaneled>(
          smem + T::kOffV + (kb & 1) * T::kVStageStride, smem + T::kOffVWide, bp.tid);
    if constexpr (T::kWgmma) fence_proxy_async();  // generic-proxy writes, read by wgmma next
    __syncthreads();
  }
  // A group of rows that does not see block kb sees no later block either (causal masking only
  // hides keys to the right; rows past N see nothing), so it may leave before issuing kb+1.
  if (!warp_sees_block<T>(bp, kb)) {  // alpha = 1, P = 0: nothing to add
    if constexpr (kLoadLate) loadNext();  // every thread takes its share of the copies
    return;
  }
  const uint32_t qTile = smem_addr(smem + T::kOffQ);
  if constexpr (T::kPipelined) {  // Q·Kᵀ of kb+1 runs on the tensor cores during this softmax
    if (kb + 1 < bp.numBlocks && warp_sees_block<T>(bp, kb + 1)) {
      if constexpr (T::kWgmma) qk_wgmma_issue<T>(sNext, qTile, bp.warp, k_tile_of<T>(smem, kb + 1));
      else qk_mma<T>(sNext, qf, qTile, bp.warp, k_tile_of<T>(smem, kb + 1), bp.lane);
    } else if constexpr (T::kWgmma) {
      wgmma_commit();  // an empty group, so that one wait below fits both cases
    }
  }
  if constexpr (T::kWgmma) {
    if constexpr (!T::kPipelined) qk_wgmma_issue<T>(sCur, qTile, bp.warp, k_tile_of<T>(smem, kb));
    if constexpr (kLoadLate) loadNext();
    wgmma_wait<T::kPipelined ? 1 : 0>();  // groups complete in order: only kb+1's may still run
    qk_wgmma_hold(sCur);
  } else if constexpr (!T::kPipelined) {
    qk_mma<T>(sCur, qf, qTile, bp.warp, k_tile_of<T>(smem, kb), bp.lane);
  }

  float u[MT][T::kKeyTiles][4], alpha[MT][2];
  block_softmax<T, kMasking>(u, sCur, smem, bp, kb, rs, alpha);
  if constexpr (T::kWgmma) {
    uint32_t pa[1][T::kPSteps][4];
    p_operand_wgmma<T>(pa, rs.l, u, alpha);
    static_assert(PvInFlight<T>::kPieces == 1, "the plain schedule issues a block's P̃·V whole");
    PvInFlight<T> f;
    pv_wgmma_issue<T>(rs.acc, f, pa, alpha, v_tile_of<T>(smem, kb));
    wgmma_wait<0>();
    pv_wgmma_finish<T>(rs.acc, rs.l, f, alpha);
  } else if constexpr (T::PV::kInt8) {
    pv_int8<T>(rs.acc, rs.l, u, alpha, v_tile_of<T>(smem, kb), bp.lane);
  } else if constexpr (T::PV::kV8t) {
    pv_fp8<T>(rs.acc, rs.l, u, alpha, v_tile_of<T>(smem, kb), bp.lane);
  } else {
    pv_half<T>(rs.acc, rs.l, u, alpha, v_tile_of<T>(smem, kb), bp.lane);
  }
}

// Named barriers (0 is __syncthreads): the consumers' own, and the producers' (kWidenRing).
constexpr int kBarConsumers = 1, kBarProducers = 2;

// A barrier of the threads that own query rows: the whole block, or all but the producer warpgroup.
template <class T>
__device__ __forceinline__ void consumer_sync() {
  if constexpr (T::kProducerWarp) named_bar_sync<T::kConsumerThreads>(kBarConsumers);
  else __syncthreads();
}

// The rows of row block rowBlock, and the key blocks they see.
template <class T>
__device__ __forceinline__ void place_rows(BlockPlace& bp, int rowBlock) {
  constexpr int kRows = T::kRows, kKeys = T::kKeys;
  bp.row0 = rowBlock * kRows;
  bp.warpRow0 = bp.row0 + bp.warp * 16 * T::kMTiles;
  const int lastRow = min(bp.row0 + kRows, bp.n) - 1;
  const int keyBlocks = (bp.n + kKeys - 1) / kKeys;
  bp.numBlocks = bp.causal ? min(keyBlocks, lastRow / kKeys + 1) : keyBlocks;
}

// Thread tid's place in head bh, before its rows are known.
template <class T>
__device__ __forceinline__ BlockPlace place_thread(const AttnParams& p, int tid, int bh) {
  BlockPlace bp;
  // wgmma: the warp index through a shuffle from lane 0, so that the compiler knows it is
  // warp-uniform and the branches on it (which key blocks a warp group sees) are not divergent
  // paths, around which ptxas would serialize wgmma (C7518). (Not for mma.sync: costs registers.)
  bp.tid = tid, bp.lane = bp.tid & 31;
  bp.warp = T::kWgmma ? __shfl_sync(0xffffffffu, bp.tid >> 5, 0) : bp.tid >> 5;
  bp.n = p.n, bp.bh = bh, bp.causal = p.causal != 0;
  return bp;
}

// The block's place: row block blockIdx.x of head blockIdx.y (persistent blocks: TileWalk).
template <class T>
__device__ __forceinline__ BlockPlace place_block(const AttnParams& p) {
  BlockPlace bp = place_thread<T>(p, threadIdx.x, blockIdx.y);
  place_rows<T>(bp, blockIdx.x);
  return bp;
}

// The block's Q rows (f16 or s8) into the Q tile, by the consumer threads (not committed).
template <class T>
__device__ __forceinline__ void load_q_async(const AttnParams& p, uint8_t* qTile, const BlockPlace& bp) {
  constexpr int D = T::kD, kQb = T::QOp::kGlobalBytes;
  const uint8_t* qSrc = p.q + (static_cast<long>(bp.bh) * bp.n + bp.row0) * D * kQb;
  copy_tile_async<T::kRows, T::kQChunks, T::kConsumerThreads, true, T::kQKPaneled>(
      smem_addr(qTile), qSrc, D * kQb, bp.n - bp.row0, bp.tid);
}

// m = -inf, l = 0, acc = 0; r = c, or f32(s_q[i]·c) for INT8 scores.
template <class T>
__device__ __forceinline__ void init_row_state(RowState<T>& rs, const AttnParams& p, const BlockPlace& bp) {
  const int g = bp.lane >> 2;
#pragma unroll
  for (int mt = 0; mt < T::kMTiles; ++mt)
#pragma unroll
    for (int h = 0; h < 2; ++h) {
      rs.m[mt][h] = -INFINITY;
      rs.l[mt][h] = 0.f;
      if constexpr (T::QK::kInt8) {
        const int row = min(bp.warpRow0 + 16 * mt + g + 8 * h, bp.n - 1);
        rs.r[mt][h] = __fmul_rn(p.sq[static_cast<long>(bp.bh) * bp.n + row], p.c);
      } else {
        rs.r[mt][h] = p.c;
      }
#pragma unroll
      for (int dt = 0; dt < T::kD / 8; ++dt) rs.acc[mt][dt][2 * h] = rs.acc[mt][dt][2 * h + 1] = 0.f;
    }
}

// O_d = h(f32(f32(acc_d · f32(1/l)) · fs_d)), staged through shared memory so that the global
// stores are 16-byte and row-contiguous.
template <class T>
__device__ __forceinline__ void store_output(const AttnParams& p, uint8_t* smem,
                                             const BlockPlace& bp, const RowState<T>& rs) {
  constexpr int MT = T::kMTiles, D = T::kD, kRows = T::kRows, kThreads = T::kConsumerThreads;
  constexpr int kOChunks = D / 8;
  const int g = bp.lane >> 2, t = bp.lane & 3;
  consumer_sync<T>();  // every warp is done with the K/V tiles that the staging overwrites
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int h = 0; h < 2; ++h) {
      const int rowLocal = 16 * (bp.warp * MT + mt) + g + 8 * h;
      const float invL = __frcp_rn(rs.l[mt][h]);
      const auto out = [&](float a, float fs) { return __fmul_rn(__fmul_rn(a, invL), fs); };
      if constexpr (T::VOp::kWidenInRegisters) {  // acc tiles 2c, 2c+1: channels 16c + 4t .. + 3
#pragma unroll
        for (int c = 0; c < D / 16; ++c) {
          const float* even = rs.acc[mt][2 * c];
          const float* odd = rs.acc[mt][2 * c + 1];
          const float fs = p.fsScalar;
          const uint2 o = make_uint2(pack_half2(out(even[2 * h], fs), out(odd[2 * h], fs)),
                                     pack_half2(out(even[2 * h + 1], fs), out(odd[2 * h + 1], fs)));
          *reinterpret_cast<uint2*>(smem + tile_offset<kOChunks>(rowLocal, 2 * c + (t >> 1)) + 8 * (t & 1)) = o;
        }
      } else {
#pragma unroll
        for (int dt = 0; dt < D / 8; ++dt) {
          float2 fs;
          if constexpr (T::PV::kInt8)
            fs = *reinterpret_cast<const float2*>(p.fs + static_cast<long>(bp.bh) * D + 8 * dt + 2 * t);
          else
            fs = make_float2(p.fsScalar, p.fsScalar);
          *reinterpret_cast<uint32_t*>(smem + tile_offset<kOChunks>(rowLocal, dt) + 4 * t) =
              pack_half2(out(rs.acc[mt][dt][2 * h], fs.x), out(rs.acc[mt][dt][2 * h + 1], fs.y));
        }
      }
    }
  consumer_sync<T>();
  // At AttnTraits::kLeanRounds the thread index goes through a volatile asm, which the
  // compiler may not move above the key-block loop's volatile asm (wgmma, mbarrier): the copy's
  // addresses depend only on tid, and without it they were computed in the prologue and held
  // through the whole loop, ten registers that fp16's and fp8-native's rounds of 128 keys at
  // D = 128 need (v39), and fp16's on mma.sync with two m-tiles (v53). Elsewhere the SASS is as
  // measured (kcheck run 71).
  const int tid = T::kLeanRounds ? value_after_loop(bp.tid) : bp.tid;
  constexpr int kTotal = kRows * kOChunks;
  uint8_t* oBase = reinterpret_cast<uint8_t*>(p.o) + (static_cast<long>(bp.bh) * bp.n + bp.row0) * D * 2;
#pragma unroll
  for (int it = 0; it < (kTotal + kThreads - 1) / kThreads; ++it) {
    const int idx = it * kThreads + tid;
    const int row = idx / kOChunks, chunk = idx % kOChunks;
    if ((kTotal % kThreads == 0 || idx < kTotal) && bp.row0 + row < bp.n)
      *reinterpret_cast<uint4*>(oBase + static_cast<long>(row) * D * 2 + chunk * 16) =
          *reinterpret_cast<const uint4*>(smem + tile_offset<kOChunks>(row, chunk));
  }
}

// The plain schedule: every warp loads and computes, one __syncthreads per key block.
template <class T>
__device__ __forceinline__ void attention_forward_plain(const AttnParams& p) {
  constexpr int D = T::kD, MT = T::kMTiles, kRows = T::kRows, kThreads = T::kThreads;
  constexpr int kKeys = T::kKeys;
  extern __shared__ __align__(1024) uint8_t smem[];  // wgmma's 128B swizzle needs 1024
  const BlockPlace bp = place_block<T>(p);

  // Prologue: Q, block 0 (K, s_k, V) and block 1 (K, s_k); Q to registers; Q·Kᵀ of block 0.
  {
    if constexpr (T::QOp::kWiden) {  // raw FP8 Q waits in the (still unused) widening buffers
      constexpr int kQb = T::QOp::kGlobalBytes;
      const uint8_t* qSrc = p.q + (static_cast<long>(bp.bh) * bp.n + bp.row0) * D * kQb;
      copy_raw_async<kRows, D * kQb / 16, kThreads>(smem_addr(smem + T::kOffKWide), qSrc, D * kQb,
                                                    bp.n - bp.row0, bp.tid);
    } else {
      load_q_async<T>(p, smem + T::kOffQ, bp);
    }
    if constexpr (T::kPlainTma) {
      if (bp.tid == 0) {
        for (int i = 0; i < T::kStages; ++i) mbar_init(plain_full_bar<T>(smem, i), 1);  // expect_tx
        fence_proxy_async();  // the barriers, before the copies complete on them
        tma_load_key_block<T>(p, smem, bp.bh, 0, 0, plain_full_bar<T>(smem, 0));
      }
    } else {
      load_k_block<T>(p, smem, bp.bh, 0, 0, 0, bp.tid);
      load_v_block<T>(p, smem, bp.bh, 0, 0, bp.tid);
      if (T::kPipelined && bp.numBlocks > 1) load_k_block<T>(p, smem, bp.bh, 1, 1, 1, bp.tid);
    }
    cp_async_commit();
    init_ones_tile<T>(smem, bp.tid);
    cp_async_wait<0>();
    if constexpr (T::kWgmma) fence_proxy_async();
    __syncthreads();
    if constexpr (T::QOp::kWiden) {
      widen_fp8_tile<kRows, D, kThreads, T::QOp::kE4M3, T::kQKPaneled>(smem + T::kOffKWide,
                                                                      smem + T::kOffQ, bp.tid);
      if constexpr (T::kWgmma) fence_proxy_async();
      __syncthreads();
      if constexpr (T::kPipelined) {  // block 0's Q·Kᵀ is issued before the loop
        widen_fp8_tile<kKeys, D, kThreads, T::QOp::kE4M3, T::kQKPaneled>(smem + T::kOffK,
                                                                        smem + T::kOffKWide, bp.tid);
        if constexpr (T::kWgmma) fence_proxy_async();
        __syncthreads();
      }
    }
  }
  uint32_t qf[MT][T::kQSteps][4];
#pragma unroll
  for (int mt = 0; mt < MT; ++mt)
#pragma unroll
    for (int kk = 0; kk < T::kQSteps; ++kk)
      if constexpr (!T::kQFromSmem)
        ldmatrix_x4(qf[mt][kk], a_operand_addr<T::kQChunks>(smem_addr(smem + T::kOffQ),
                                                            16 * (bp.warp * MT + mt), kk, bp.lane));

  RowState<T> rs;
  init_row_state<T>(rs, p, bp);

  // Two S buffers in ping-pong (the loop is unrolled by two so that they never need copying).
  typename T::SAcc s0[MT][T::kKeyTiles][4], s1[MT][T::kKeyTiles][4];
  if (T::kPipelined && warp_sees_block<T>(bp, 0)) {
    if constexpr (T::kWgmma) qk_wgmma_issue<T>(s0, smem_addr(smem + T::kOffQ), bp.warp, k_tile_of<T>(smem, 0));
    else qk_mma<T>(s0, qf, smem_addr(smem + T::kOffQ), bp.warp, k_tile_of<T>(smem, 0), bp.lane);
  }
  if constexpr (T::kMaskedRoundsApart) {
    static_assert(!T::kPipelined, "split rounds keep no S buffer across blocks");
    // The block's first row: a split point every warp shares (each takes __syncthreads per block).
    const int firstMasked = min(bp.numBlocks, first_masked_block(bp.n, bp.causal, bp.row0, T::kKeys));
    int kb = 0;
    for (; kb < firstMasked; ++kb) key_block_step<T, Masking::kNone>(p, smem, bp, kb, qf, rs, s0, s1);
    for (; kb < bp.numBlocks; ++kb) key_block_step<T, Masking::kAll>(p, smem, bp, kb, qf, rs, s0, s1);
  } else {
    for (int kb = 0; kb < bp.numBlocks; kb += 2) {
      key_block_step<T>(p, smem, bp, kb, qf, rs, s0, s1);
      if (kb + 1 < bp.numBlocks) key_block_step<T>(p, smem, bp, kb + 1, qf, rs, s1, s0);
    }
  }
  store_output<T>(p, smem, bp, rs);
}

// ---------------------------------------------------------------------------------------------
// The warp-specialized schedule (Traits::kProducerWarp, sm_90a): FlashAttention-3's structure.
//
//   producer (the last warpgroup; one warp of it works, the rest idle): per block, waits until
//     stage kb % kStages is free (mbarrier empty); one thread arms full with the block's bytes and
//     issues the copies of s_k (INT8 Q·Kᵀ, one bulk copy), K and V (TMA), which complete it.
//   consumers, three warpgroups of 64 rows (the shipped shape, TUNING.md v19, v20, v22), per key
//     block kb: wait full(kb), Q·K(kb)ᵀ -> softmax(kb) -> P̃(kb) -> P̃·V(kb) -> fold, release
//     stage kb, in series: each warpgroup's chain of dependent steps is hidden by the other two
//     groups' work, and a round keeps few registers live (160 each, so that three groups fit).
//     Every operation on the data is the plain schedule's, in the same order: the same bits.
// Two groups that overlap each one's softmax with its own previous P̃·V (FA3's intra-warpgroup
// overlap, ~190 registers a thread; kernels v11-v18) measured 20-22% slower than three in series
// for INT8 (v19) and for FP16 (v20); that form is in git history (a1c8256).
// The warpgroups do not take turns on the tensor cores. FA3's ping-pong (a pair of named
// barriers making them issue their mma in alternation) measured no gain in v11 and cost 0.5-2% in
// v15, once the loads ran further ahead (TUNING.md). Eight stages (on cp.async, v15: four were 2%
// slower, three 20%); fp16, whose f16 K and V tiles are twice as large, gets the four that fit
// (AttnTraits::kStages).
// FP8 storage (fp8, fp8-e4m3; AttnTraits::kWidenRing, v56): the whole producer warpgroup works.
// Its first thread copies the raw FP8 blocks into a ring of raw stages, and all four warps widen
// each into the f16 stage the consumers read (produce_widened_key_blocks), who then run fp16's
// rounds. On the plain schedule, where every thread widened each block between two barriers, the
// kernels ran at 0.45-0.66x fp16 (v10-v55); here the widening runs beside the consumers' rounds.
// ---------------------------------------------------------------------------------------------

// How many key blocks group g (rows row0 + 64g ..) sees: a prefix of the block's
// key blocks (causal masking hides keys to the right; rows past N see nothing).
template <class T>
__device__ __forceinline__ int group_blocks(const BlockPlace& bp, int group) {
  const int groupRow0 = bp.row0 + group * 64;
  if (groupRow0 >= bp.n) return 0;
  return bp.causal ? min(bp.numBlocks, (groupRow0 + T::kGroupRows - 1) / T::kKeys + 1) : bp.numBlocks;
}

// The producer: one thread issues every block's K and V loads, each tile a TMA copy (two for the
// 256-byte rows of f16 at D = 128, one per 128-byte panel), and (INT8 Q·Kᵀ) s_k's block as one
// bulk copy, into stage kb % kStages once the consumers have released it; the copies complete the
// stage's `full` phase as transaction bytes. Kernels v11-v32 loaded everything with cp.async from
// four producer warps, whose copy loops (14 instructions a 16-byte copy) and polling issued 12% of
// the block's instructions (v31's ncu); a proxy of these loads measured fp16 +12-24%, int8
// +0-12% (kcheck run 54). v33-v35 kept s_k on cp.async from the warp's 32 lanes, each arriving on
// `full`, while its rows were N floats, not 16-byte aligned for every N; since v36 they are
// padded to Npad (padded_keys.cuh), and s_k's copy goes first: issued after K's and V's it cost
// INT8 at D = 128 1% (it completes the stage last, behind 16 KB), first 0.4% (kcheck runs 61-64).
// The release is an mbarrier per stage that every consumer thread arrives on without waiting, and
// the producer polls. Kernels v12 released on named barriers instead: with bar.arrive,
// compute-sanitizer's racecheck does not follow the order; with bar.sync, a group blocks until
// the producer reaches that barrier, and those syncs held 7.7% of the consumers' stall samples
// (results/2026-11-23-h100-ncu). The polling costs less than either (TUNING.md v14).
template <class T>
__device__ __forceinline__ void produce_key_blocks(const AttnParams& p, uint8_t* smem,
                                                   const BlockPlace& bp, uint32_t fullBar,
                                                   uint32_t emptyBar, int phase0 = 0,
                                                   bool firstTurn = true, int ringBlocks = -1) {
  constexpr int S = T::kStages;
  if (bp.warp != T::kWarps) return;
  // Slot kb's stage free: the block S slots before released (consume_key_blocks: phases).
  const auto waitEmpty = [&](int kb) {
    if (!firstTurn || kb >= S) mbar_wait(emptyBar + 8 * (kb % S), ((kb / S - 1) & 1) ^ phase0);
  };
  for (int kb = 0; kb < bp.numBlocks; ++kb) {
    waitEmpty(kb);
    if (bp.lane == 0) tma_load_key_block<T>(p, smem, bp.bh, kb, kb % S, fullBar + 8 * (kb % S));
  }
  for (int kb = bp.numBlocks; ringBlocks > 0 && kb < ringBlocks; ++kb) {  // a persistent tile's padding
    waitEmpty(kb);
    if (bp.lane == 0) mbar_arrive(fullBar + 8 * (kb % S));
  }
}

// FP8 storage (AttnTraits::kWidenRing): the whole producer warpgroup. Its first thread copies raw
// block kb into raw stage kb % kLoadStages (tma_load_key_block, completing that stage's
// `loaded` barrier) kLoadStages blocks ahead. Every producer thread waits for the block
// and for f16 stage kb % kStages to be released, widens its share of K and V into that stage,
// fences its writes for the async proxy (wgmma reads them) and arrives on `full` (128 arrivals a
// phase), so that no consumer waits on the widening of a block it is not yet at (the plain
// schedule's pass ran between every block's two barriers on every thread: v10, TUNING.md step 17).
// The producers sync before a raw stage is copied into again.
template <class T>
__device__ __forceinline__ void produce_widened_key_blocks(const AttnParams& p, uint8_t* smem,
                                                           const BlockPlace& bp, uint32_t fullBar,
                                                           uint32_t emptyBar, uint32_t loadedBar) {
  constexpr int S = T::kStages, R = T::kLoadStages, kKeys = T::kKeys, D = T::kD;
  constexpr int kThreads = T::kProducerThreads;
  const int ptid = bp.tid - T::kConsumerThreads;
  const auto load = [&](int kb) {
    if (ptid == 0) tma_load_key_block<T>(p, smem, bp.bh, kb, kb % R, loadedBar + 8 * (kb % R));
  };
  for (int kb = 0; kb < R && kb < bp.numBlocks; ++kb) load(kb);
  for (int kb = 0; kb < bp.numBlocks; ++kb) {
    const int stage = kb % S, raw = kb % R;
    mbar_wait(loadedBar + 8 * raw, (kb / R) & 1);
    if (kb >= S) mbar_wait(emptyBar + 8 * stage, (kb / S - 1) & 1);
    // The chunks' addresses made anew each block (thread_index_after_loop): hoisted out of the
    // loop, they took more than the producers' 32 registers (56-60 bytes of spill at D = 128).
    const int t = thread_index_after_loop(ptid);
    if constexpr (ATTN_WIDEN_PROBE != 1) {
      widen_fp8_tile<kKeys, D, kThreads, T::QOp::kE4M3, T::kQKPaneled, true>(
          smem + T::kOffK + raw * T::kKStageBytes, smem + T::kOffKWide + stage * T::kKWideBytes, t);
      widen_fp8_tile<kKeys, D, kThreads, T::VOp::kE4M3, T::kVPaneled, true>(
          smem + T::kOffV + raw * T::kVStageStride, smem + T::kOffVWide + stage * T::kVWideBytes, t);
    }
    if constexpr (ATTN_WIDEN_PROBE == 0) fence_proxy_async();
    mbar_arrive(fullBar + 8 * stage);
    named_bar_sync<kThreads>(kBarProducers);  // every producer thread is done with raw stage `raw`
    if (kb + R < bp.numBlocks) load(kb + R);
  }
}

// ATTN_WIDEN_PROBE 3 and 4's producers: each f16 stage published as soon as it is released, with
// nothing loaded or widened into it (the consumers alone; a measurement build, never shipped).
template <class T>
__device__ __forceinline__ void publish_unloaded_key_blocks(const BlockPlace& bp, uint32_t fullBar,
                                                            uint32_t emptyBar) {
  constexpr int S = T::kStages;
  for (int kb = 0; kb < bp.numBlocks; ++kb) {
    if (kb >= S) mbar_wait(emptyBar + 8 * (kb % S), (kb / S - 1) & 1);
    mbar_arrive(fullBar + 8 * (kb % S));
  }
}

// The maps of T's producer for these operands (K and V as the entry takes them; `slices` =
// B·H), made by one warp and written to `out` for the host, which passes them to the entry by
// value. Every entry has them, so that the host launches every entry alike; only the
// warp-specialized ones read them.
template <class T>
__device__ __forceinline__ void make_tensor_maps(const uint8_t* k, const uint8_t* v, int slices, int n,
                                                 TensorMaps* out) {
  __shared__ __align__(128) TensorMaps maps;
  constexpr int kWords = sizeof(TensorMaps) / 4;
  uint32_t* words = reinterpret_cast<uint32_t*>(&maps);
  const int lane = threadIdx.x & 31;
  for (int i = lane; i < kWords; i += 32) words[i] = 0;
  __syncwarp();
  if (lane == 0) {
    using VRows = typename T::VTmaRows;
    constexpr uint32_t D = T::kD, kKeys = T::kKeys;
    const uint32_t un = n, bh = slices;
    encode_rows_map<typename T::KTmaRows, kKeys>(smem_addr(&maps.k), k, un, bh);
    if constexpr (T::PV::kV8t) {
      const uint32_t nPad = padded_keys(n);
      tensormap_encode<kTmaU8, VRows::kSwizzle>(smem_addr(&maps.v), v, {nPad, D, bh}, {kKeys, D, 1},
                                                {0, nPad, 1ull * D * nPad});
    } else {
      encode_rows_map<VRows, kKeys>(smem_addr(&maps.v), v, un, bh);
    }
  }
  __syncwarp();
  for (int i = lane; i < kWords; i += 32) reinterpret_cast<uint32_t*>(out)[i] = words[i];
}

// Softmax of key block kb from its Q·Kᵀ accumulators: alpha, and P̃ as the P̃·V operand.
template <class T, Masking kMasking>
__device__ __forceinline__ void softmax_block(const typename T::SAcc (&s)[1][T::kKeyTiles][4],
                                              const uint8_t* smem, const BlockPlace& bp, int kb,
                                              RowState<T>& rs, float (&alpha)[1][2],
                                              uint32_t (&pa)[1][T::kPSteps][4]) {
  float u[1][T::kKeyTiles][4];
  block_softmax<T, kMasking>(u, s, smem, bp, kb, rs, alpha);
  p_operand_wgmma<T>(pa, rs.l, u, alpha);
}

// ATTN_SKELETON's stand-in for softmax_block: P̃ from the scores' bits (two to a word, so every
// score register is read and the Q·Kᵀ wgmma stays live), alpha = 1.
__device__ __forceinline__ uint32_t bits_of(int x) { return static_cast<uint32_t>(x); }
__device__ __forceinline__ uint32_t bits_of(float x) { return __float_as_uint(x); }
template <class T>
__device__ __forceinline__ void skeleton_p_operand(const typename T::SAcc (&s)[1][T::kKeyTiles][4],
                                                   float (&alpha)[1][2],
                                                   uint32_t (&pa)[1][T::kPSteps][4]) {
  constexpr int kWords = T::kPSteps * 4, kScores = T::kKeyTiles * 4;
#pragma unroll
  for (int w = 0; w < kWords; ++w) {
    uint32_t x = 0;
#pragma unroll
    for (int i = w; i < kScores; i += kWords) x ^= bits_of(s[0][i / 4][i % 4]);
    pa[0][w / 4][w % 4] = x;
  }
  alpha[0][0] = alpha[0][1] = 1.f;
}

// Key block kb sits in stage kb % S. A persistent block's tiles each take a whole number of turns
// of the ring (TileWalk::ring_blocks), so that only the phase carries over from tile to tile: phase0,
// the parity of the turns before this tile.
template <class T>
__device__ __forceinline__ void consume_key_blocks(uint8_t* smem, uint32_t qTile, const BlockPlace& bp,
                                                   RowState<T>& rs, uint32_t fullBar, uint32_t emptyBar,
                                                   int phase0 = 0, int ringBlocks = -1) {
  constexpr int S = T::kStages;
  const int group = bp.warp >> 2, myBlocks = group_blocks<T>(bp, group);
  const auto waitFull = [&](int kb) { mbar_wait(fullBar + 8 * (kb % S), ((kb / S) & 1) ^ phase0); };
  // Every consumer thread arrives (one arrive per warp, even predicated, makes ptxas serialize
  // the wgmma: C7513).
  const auto release = [&](int kb) { mbar_arrive(emptyBar + 8 * (kb % S)); };
  // One round: key block kb from its stage to the fold, then the release.
  const auto round = [&](int kb, auto masking) {
    typename T::SAcc s[1][T::kKeyTiles][4];
    waitFull(kb);
    qk_wgmma_issue<T>(s, qTile, bp.warp, k_tile_of<T>(smem, kb));
    wgmma_wait<0>();
    qk_wgmma_hold(s);
    float alpha[1][2];
    uint32_t pa[1][T::kPSteps][4];
    if constexpr (ATTN_SKELETON) {
      skeleton_p_operand<T>(s, alpha, pa);
    } else {
      softmax_block<T, decltype(masking)::value>(s, smem, bp, kb, rs, alpha, pa);
    }
    pv_wgmma_block<T>(rs.acc, rs.l, pa, alpha, v_tile_of<T>(smem, kb));
    release(kb);
  };
  using Runtime = std::integral_constant<Masking, Masking::kRuntime>;
  if constexpr (T::kRoundsInOneLoop) {
    for (int kb = 0; kb < myBlocks; ++kb) round(kb, Runtime{});
  } else if constexpr (T::kMaskedRoundsApart) {
    // The blocks before the group's first masked one (its first row's, so that the wgmma of a
    // round stay uniform over the warpgroup) in a loop of their own.
    const int firstMasked = min(myBlocks, first_masked_block(bp.n, bp.causal, bp.row0 + 64 * group, T::kKeys));
    for (int kb = 0; kb < firstMasked; ++kb) round(kb, std::integral_constant<Masking, Masking::kNone>{});
    for (int kb = firstMasked; kb < myBlocks; ++kb) round(kb, Runtime{});
  } else {
    // The same round, written out as before v38: through `round` (or any of four other forms
    // tried) ptxas compiled the INT8 entries at D = 64 with one copy of the scores' conversion
    // where this form has one per masking form, and they ran 2-6% slower (kcheck run 69); their
    // SASS is v37's this way (cuobjdump), as is every other entry's but the D = 128 ones. Even
    // calling pv_wgmma_block for the P̃·V below (the same steps, one piece) changes the SASS of
    // the INT8 entries at D = 64, so the steps stay written out.
#pragma unroll(T::kRoundUnroll)
    for (int kb = 0; kb < myBlocks; ++kb) {  // one round per block, in series
      typename T::SAcc s[1][T::kKeyTiles][4];
      waitFull(kb);
      qk_wgmma_issue<T>(s, qTile, bp.warp, k_tile_of<T>(smem, kb));
      wgmma_wait<0>();
      qk_wgmma_hold(s);
      float alpha[1][2];
      uint32_t pa[1][T::kPSteps][4];
      if constexpr (ATTN_SKELETON) {
        skeleton_p_operand<T>(s, alpha, pa);
      } else {
        softmax_block<T, Masking::kRuntime>(s, smem, bp, kb, rs, alpha, pa);
      }
      PvInFlight<T> f;
      pv_wgmma_issue<T>(rs.acc, f, pa, alpha, v_tile_of<T>(smem, kb));
      wgmma_wait<0>();
      wgmma_keep(pa[0]);
      pv_wgmma_finish<T>(rs.acc, rs.l, f, alpha);
      release(kb);
    }
  }
  // Blocks this group does not see, and a persistent tile's padding to whole turns of the ring.
  for (int kb = myBlocks; kb < (ringBlocks < 0 ? bp.numBlocks : ringBlocks); ++kb) {
    waitFull(kb);
    release(kb);
  }
}

// The ring's barriers: full and empty per stage, then (kWidenRing) loaded per raw stage.
template <class T>
__device__ __forceinline__ uint32_t loaded_bar(uint32_t emptyBar) {
  return emptyBar + 8 * T::kStages;
}
template <class T>
__device__ __forceinline__ void init_ring_barriers(uint32_t fullBar, uint32_t emptyBar) {
  for (int i = 0; i < T::kStages; ++i) {
    // the producer thread's expect_tx, or every producer thread after widening (kWidenRing)
    mbar_init(fullBar + 8 * i, T::kWidenRing ? T::kProducerThreads : 1);
    mbar_init(emptyBar + 8 * i, T::kConsumerThreads);  // every consumer thread
  }
  if constexpr (T::kWidenRing)
    for (int i = 0; i < T::kLoadStages; ++i) mbar_init(loaded_bar<T>(emptyBar) + 8 * i, 1);  // expect_tx
}

// The block's FP8 Q rows, widened into the f16 Q tile by the consumer threads (kWidenRing): staged
// raw in the tile's upper half, which the widened rows then overwrite (widen_fp8_tile_in_place).
// Not fenced for the async proxy: the caller does, as for load_q_async.
template <class T>
__device__ __forceinline__ void load_fp8_q(const AttnParams& p, uint8_t* qTile, const BlockPlace& bp) {
  constexpr int D = T::kD, kRows = T::kRows, kThreads = T::kConsumerThreads;
  uint8_t* raw = qTile + T::kQBytes / 2;
  const uint8_t* qSrc = p.q + (static_cast<long>(bp.bh) * bp.n + bp.row0) * D;
  copy_raw_async<kRows, D / 16, kThreads>(smem_addr(raw), qSrc, D, bp.n - bp.row0, bp.tid);
  cp_async_commit();
  cp_async_wait<0>();
  consumer_sync<T>();
  if constexpr (ATTN_WIDEN_PROBE == 4) return;
  widen_fp8_tile_in_place<kRows, D, kThreads, T::QOp::kE4M3, T::kQKPaneled>(raw, qTile, bp.tid,
                                                                          [] { consumer_sync<T>(); });
}

template <class T>
__device__ __forceinline__ void attention_forward_ws(const AttnParams& p) {
  extern __shared__ __align__(1024) uint8_t smem[];
  const BlockPlace bp = place_block<T>(p);
  const uint32_t fullBar = smem_addr(smem + T::kOffBar), emptyBar = fullBar + 8 * T::kStages;
  if (bp.tid == 0) init_ring_barriers<T>(fullBar, emptyBar);
  __syncthreads();
  if (bp.warp >= T::kWarps) {
    setmaxnreg_dec<T::kProducerRegs>();
    if constexpr (T::kWidenRing && ATTN_WIDEN_PROBE >= 3) publish_unloaded_key_blocks<T>(bp, fullBar, emptyBar);
    else if constexpr (T::kWidenRing) produce_widened_key_blocks<T>(p, smem, bp, fullBar, emptyBar, loaded_bar<T>(emptyBar));
    else produce_key_blocks<T>(p, smem, bp, fullBar, emptyBar);
    return;
  }
  setmaxnreg_inc<T::kConsumerRegs>();
  if constexpr (T::kWidenRing) {
    load_fp8_q<T>(p, smem + T::kOffQ, bp);
  } else {
    load_q_async<T>(p, smem + T::kOffQ, bp);
    cp_async_commit();
  }
  init_ones_tile<T>(smem, bp.tid);
  cp_async_wait<0>();
  fence_proxy_async();
  consumer_sync<T>();
  RowState<T> rs;
  init_row_state<T>(rs, p, bp);
  consume_key_blocks<T>(smem, smem_addr(smem + T::kOffQ), bp, rs, fullBar, emptyBar);
  store_output<T>(p, smem, bp, rs);
}

// Persistent blocks (AttnTraits::kPersistent): tile t = blockIdx.x + gridDim.x·blockIdx.y + k·(the
// grid's blocks) is row block t % rowBlocks of head t / rowBlocks (the plain grid's order, so that
// the tiles in flight share few heads' K/V in L2; on the plain grid each block takes one tile).
// The next tile's Q loads into the second Q buffer while the current tile runs, and O is staged
// over the current tile's Q, so that the producer can stream the next tile's K/V into the ring
// under the current tile's last rounds and its store.
struct TileWalk {
  int rowBlocks, tiles, first, stride;
  template <class T>
  __device__ __forceinline__ static TileWalk of(const AttnParams& p) {
    const int rowBlocks = (p.n + T::kRows - 1) / T::kRows;
    return {rowBlocks, rowBlocks * p.slices, static_cast<int>(blockIdx.x + gridDim.x * blockIdx.y),
            static_cast<int>(gridDim.x * gridDim.y)};
  }
  // Thread tid's place in tile `tile`. Each tile passes tid through value_after_loop, so that the
  // compiler derives the thread's addresses anew per tile: hoisted out of the walk, they stayed
  // live through every tile's rounds.
  template <class T>
  __device__ __forceinline__ BlockPlace place(const AttnParams& p, int tile, int tid) const {
    BlockPlace bp = place_thread<T>(p, tid, tile / rowBlocks);
    place_rows<T>(bp, tile % rowBlocks);
    return bp;
  }
  // A tile's slots in the K/V ring: its key blocks, padded to whole turns (kStages slots), so that
  // every tile's block kb sits in stage kb % kStages and only the phase carries over.
  template <class T>
  __device__ __forceinline__ static int ring_blocks(int numBlocks) {
    return (numBlocks + T::kStages - 1) / T::kStages * T::kStages;
  }
  // The ring's phase after a tile of ringBlocks slots (ring_blocks), from the phase before it.
  template <class T>
  __device__ __forceinline__ static int phase_after(int phase, int ringBlocks) {
    return phase ^ ((ringBlocks / T::kStages) & 1);
  }
};

template <class T>
__device__ __forceinline__ void attention_forward_persistent(const AttnParams& p) {
  extern __shared__ __align__(1024) uint8_t smem[];
  const uint32_t fullBar = smem_addr(smem + T::kOffBar), emptyBar = fullBar + 8 * T::kStages;
  if (threadIdx.x == 0) init_ring_barriers<T>(fullBar, emptyBar);
  __syncthreads();
  const TileWalk walk = TileWalk::of<T>(p);
  if (threadIdx.x >= T::kConsumerThreads) {
    setmaxnreg_dec<T::kProducerRegs>();
    for (int tile = walk.first, phase = 0; tile < walk.tiles; tile += walk.stride) {
      const BlockPlace bp = walk.place<T>(p, tile, threadIdx.x);
      const int ringBlocks = TileWalk::ring_blocks<T>(bp.numBlocks);
      produce_key_blocks<T>(p, smem, bp, fullBar, emptyBar, phase, tile == walk.first, ringBlocks);
      phase = TileWalk::phase_after<T>(phase, ringBlocks);
    }
    return;
  }
  setmaxnreg_inc<T::kConsumerRegs>();
  const auto qBuffer = [&](int i) { return smem + T::kOffQ + (i & 1) * T::kQBufBytes; };
  if (walk.first < walk.tiles) load_q_async<T>(p, qBuffer(0), walk.place<T>(p, walk.first, threadIdx.x));
  cp_async_commit();
  init_ones_tile<T>(smem, threadIdx.x);
  for (int tile = walk.first, phase = 0, i = 0; tile < walk.tiles; tile += walk.stride, ++i) {
    // This tile's Q has landed, and every thread is done with the other buffer (the previous
    // tile's O staging), which then takes the next tile's Q.
    cp_async_wait<0>();
    fence_proxy_async();
    consumer_sync<T>();
    const int tid = value_after_loop(static_cast<int>(threadIdx.x));
    const BlockPlace bp = walk.place<T>(p, tile, tid);
    if (tile + walk.stride < walk.tiles) {
      load_q_async<T>(p, qBuffer(i + 1), walk.place<T>(p, tile + walk.stride, tid));
      cp_async_commit();
    }
    RowState<T> rs;
    init_row_state<T>(rs, p, bp);
    const int ringBlocks = TileWalk::ring_blocks<T>(bp.numBlocks);
    consume_key_blocks<T>(smem, smem_addr(qBuffer(i)), bp, rs, fullBar, emptyBar, phase, ringBlocks);
    store_output<T>(p, qBuffer(i), bp, rs);  // O over this tile's Q (store_output syncs first)
    phase = TileWalk::phase_after<T>(phase, ringBlocks);
  }
}

template <class T>
__device__ __forceinline__ void attention_forward(const AttnParams& p) {
  if constexpr (T::kPersistent) attention_forward_persistent<T>(p);
  else if constexpr (T::kProducerWarp) attention_forward_ws<T>(p);
  else attention_forward_plain<T>(p);
}

// An entry's body: the main loop, or nothing for an entry this target does not build (its N
// bound -1, ATTN_SHORT_UP_TO).
template <class T, int MaxN>
__device__ __forceinline__ void attention_entry(const AttnParams& p) {
  if constexpr (MaxN != -1) attention_forward<T>(p);
  else (void)p;
}

}  // namespace attn

// What the host needs to launch entry NAME, exported beside it. Its launch shape, read with
// cuModuleGetGlobal: {rows per block, keys per block (Bc), threads, dynamic smem bytes, N bound,
// persistent, causal N bound, w = P̃, wgmma}; an N bound: ATTN_ANY_N (0) for every N, a short-sequence entry's
// largest N, or -1 (not built); the causal one is the
// N bound under the causal mask (kcheck runs 80-81 measured some short entries faster there up to a
// larger N); persistent: 1 for blocks that walk tiles (TileWalk), launched about one per SM;
// w = P̃: 1 where the denominator counts P̃ (PV::kQuantizedDenominator, w = P̃ in docs/ARITHMETIC.md),
// which changes rounding and for some methods differs by D, so both hosts' emulations follow it;
// wgmma: 1 on the sm_90a image, 0 on mma.sync, whose Bc differs for some kernels (ATTN_KEYS_OR_WGMMA).
// And NAME_maps<<<1, 32>>>(K, V, B·H, N, out), which makes the tensor maps NAME takes as its
// last parameter (make_tensor_maps).
#define ATTN_EXPORT_LAUNCH(NAME, TRAITS, MAX_N, MAX_N_CAUSAL)                                       \
  extern "C" {                                                                                      \
  __device__ int NAME##_launch[9] = {TRAITS::kRows,      TRAITS::kKeys, TRAITS::kThreads,           \
                                     TRAITS::kSmemBytes, MAX_N,         TRAITS::kPersistent,        \
                                     MAX_N_CAUSAL,       TRAITS::PV::kQuantizedDenominator,         \
                                     TRAITS::kWgmma};                                               \
  __global__ void NAME##_maps(const uint8_t* K, const uint8_t* V, int slices, int N,                \
                              attn::TensorMaps* out) {                                              \
    attn::make_tensor_maps<TRAITS>(K, V, slices, N, out);                                           \
  }                                                                                                 \
  }
