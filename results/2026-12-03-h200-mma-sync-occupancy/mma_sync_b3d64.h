// Candidate launch shapes for kernels/candidates/mma-sync-occupancy.sh: the mma.sync path at
// D = 64 with at least 3 blocks of 4 warps an SM (12 warps, 168 registers a thread) instead of 2
// (228 registers). sm_80 ptxas spills 4 bytes (fp16), 28 (int8-plus) and 88 (int8) at this
// shape, so it is a measurement of what occupancy buys, not a form build.sh would ship.
#define ATTN_SHAPE_FP16_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 1, 3, false, false, false, false)
#define ATTN_SHAPE_INT8_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 1, 3, false, false, false, false)
#define ATTN_SHAPE_INT8HALF_D64 ATTN_SHAPE_OR_WGMMA_WS(4, 1, 3, false, false, false, false)
