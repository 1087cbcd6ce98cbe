#define ATTN_SHAPE_INT8_D128 12, 1, 1, false, true, true, true
