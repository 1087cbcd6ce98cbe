// Candidate launch shapes: the mma.sync path at D = 64 with two m-tiles a warp (32 rows, as
// FlashAttention-2 runs it: 128-row blocks of 4 warps), Q read from shared memory, for fp16, int8-half
// and the INT8-P kernels (fp8 e5m2 / e4m3 run two m-tiles already). TUNING.md next step 16.
#define ATTN_SHAPE_FP16_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#define ATTN_SHAPE_INT8_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
#define ATTN_SHAPE_INT8HALF_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 2, 1, false, true, false, false)
