#define ATTN_SHAPE_INT8_D64 8, 1, 1, false, true, true, true
