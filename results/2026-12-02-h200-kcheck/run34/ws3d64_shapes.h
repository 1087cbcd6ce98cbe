// Every kernel that can run it at D=64 on v20's three-group warp-specialized schedule (eight
// stages: at D=64 even f16 K/V tiles fit), against the shipped D=64 shapes (fp16, int8-half and
// fp8-native: two warpgroups per block on the plain schedule; the INT8-P kernels: one warpgroup
// per block, four blocks per SM).
#define ATTN_SHAPE_FP16_D64 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8HALF_D64 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8_D64 12, 1, 1, false, true, true, true
#define ATTN_SHAPE_FP8NATIVE_D64 12, 1, 1, false, true, true, true
