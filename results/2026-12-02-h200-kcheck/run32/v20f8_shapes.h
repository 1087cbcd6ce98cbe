#define ATTN_SHAPE_FP16_D128 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8HALF_D128 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_FP8NATIVE_D128 12, 1, 1, false, true, true, true
