#define ATTN_SHAPE_INT8_D128 4, 1, 2, false, true, true, false
#define ATTN_SHAPE_INT8HALF_D128 4, 1, 2, false, true, true, false
#define ATTN_SHAPE_FP16_D128 4, 1, 2, false, true, true, false
#define ATTN_SHAPE_FP8NATIVE_D128 4, 1, 2, false, true, true, false
