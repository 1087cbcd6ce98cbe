// the mma.sync path at D = 64: 8 warps (128 query rows) a block instead of 4 (64), every K/V tile
// shared by twice the rows; D = 128 as shipped
#define ATTN_SHAPE_FP16_D64 ATTN_SHAPE_OR_WGMMA_WS(8, 1, 1, false, false, false, false)
#define ATTN_SHAPE_INT8_D64 ATTN_SHAPE_OR_WGMMA_WS(8, 1, 1, false, false, false, false)
#define ATTN_SHAPE_INT8HALF_D64 ATTN_SHAPE_OR_WGMMA_WS(8, 1, 1, false, false, false, false)
