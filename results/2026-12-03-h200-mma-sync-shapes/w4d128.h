// the mma.sync path at D = 128: 4 warps (64 query rows) a block instead of 8 (128); D = 64 as shipped
#define ATTN_SHAPE_FP16_D128 ATTN_SHAPE_OR_WGMMA_WS(4, 1, 1, false, false, false, false)
#define ATTN_SHAPE_INT8_D128 ATTN_SHAPE_OR_WGMMA_WS(4, 1, 1, false, true, false, false)
#define ATTN_SHAPE_INT8HALF_D128 ATTN_SHAPE_OR_WGMMA_WS(4, 1, 1, false, true, false, false)
