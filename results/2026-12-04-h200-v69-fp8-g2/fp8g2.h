// Candidate (stop 45): fp8 / fp8-e4m3 main entries on two consumer warpgroups (128-row blocks)
// instead of three (192) on sm_90a, to time at short N against the shipped shape.
#if defined(__CUDA_ARCH_FEAT_SM90_ALL)
#define ATTN_SHAPE_FP_D64 8, 1, 1, false, true, true, true
#define ATTN_SHAPE_FP_D128 8, 1, 1, false, true, true, true
#endif
