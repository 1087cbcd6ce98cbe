// fp8-native at D=64 on the INT8-P kernels' D=64 shape: one warpgroup per block, four blocks per
// SM (ATTN_SHAPE_WGMMA_1G), against its two warpgroups per block on the plain schedule.
#define ATTN_SHAPE_FP8NATIVE_D64 4, 1, 4, false, true, true, false
