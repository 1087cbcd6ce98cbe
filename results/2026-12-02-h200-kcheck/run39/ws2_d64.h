#define ATTN_KEYS_INT8_D64 128
#define ATTN_SHAPE_INT8_D64 8, 1, 1, false, true, true, true
#define ATTN_KEYS_INT8HALF_D64 128
#define ATTN_SHAPE_INT8HALF_D64 8, 1, 1, false, true, true, true
#define ATTN_KEYS_FP16_D64 128
#define ATTN_SHAPE_FP16_D64 8, 1, 1, false, true, true, true
#define ATTN_KEYS_FP8NATIVE_D64 128
#define ATTN_SHAPE_FP8NATIVE_D64 8, 1, 1, false, true, true, true
