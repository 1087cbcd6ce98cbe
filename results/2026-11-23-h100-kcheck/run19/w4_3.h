#define ATTN_SHAPE_INT8_D64 4, 1, 3, false, true, true, false
#define ATTN_SHAPE_FP16_D64 4, 1, 3, false, true, true, false
#define ATTN_SHAPE_INT8HALF_D64 4, 1, 3, false, true, true, false
