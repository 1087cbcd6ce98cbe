#define ATTN_SHAPE_INT8_D64 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_FP16_D64 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8HALF_D64 12, 1, 1, false, true, true, true
