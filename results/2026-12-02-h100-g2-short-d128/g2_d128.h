// Two consumer warpgroups (128-row blocks) at D = 128 for the warp-specialized kernels: fewer,
// smaller blocks at short N (N = 1k: 8 row blocks of 128 against 6 of 192, the last one a third
// full), at 232 registers a consumer instead of 160.
#define ATTN_SHAPE_FP16_D128 8, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8_D128 8, 1, 1, false, true, true, true
#define ATTN_SHAPE_FP8NATIVE_D128 8, 1, 1, false, true, true, true
