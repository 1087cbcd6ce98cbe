#define ATTN_SHAPE_FP16_D128 8, 1, 1, false, true, true, true
#define ATTN_WS_STAGES 4
