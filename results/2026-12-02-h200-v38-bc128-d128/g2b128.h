// Bc = 128 at D = 128 for the INT8 kernels, on two consumer warpgroups in series (232 registers).
#define ATTN_SHAPE_INT8_D128 8, 1, 1, false, true, true, true
#define ATTN_KEYS_INT8_D128 128
#define ATTN_SHAPE_INT8HALF_D128 8, 1, 1, false, true, true, true
#define ATTN_KEYS_INT8HALF_D128 128
