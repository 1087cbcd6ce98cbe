#define ATTN_SHAPE_FP16_D128 4, 2, 1, false, true, false, false
#define ATTN_KEYS_FP16_D128 64
#define ATTN_SHAPE_INT8_D128 4, 2, 1, false, true, false, false
#define ATTN_KEYS_INT8_D128 64
#define ATTN_SHAPE_INT8HALF_D128 4, 2, 1, false, true, false, false
#define ATTN_KEYS_INT8HALF_D128 64
#define ATTN_SHAPE_FP_D128 4, 2, 1, false, true, false, false
