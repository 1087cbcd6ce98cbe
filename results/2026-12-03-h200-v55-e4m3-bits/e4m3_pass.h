// fp8-e4m3 on the widening pass (v54's), on v55's D = 128 shape
#define ATTN_FP8E4M3_IN_REGISTERS 0
