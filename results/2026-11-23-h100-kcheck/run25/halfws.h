#define ATTN_SHAPE_INT8HALF_D128 8, 1, 1, false, true, true, true
