// fp8 / fp8-e4m3 at D = 128 on fp16's mma.sync shape (v54): two m-tiles a warp, Q from shared memory
#define ATTN_SHAPE_FP_D128 4, 2, 1, false, true, false, false
