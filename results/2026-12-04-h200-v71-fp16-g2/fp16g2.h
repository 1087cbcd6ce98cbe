// Candidate: fp16 at D = 128 on two consumer groups (128-row blocks) on wgmma, warp-specialized;
// its short entry is the same shape in persistent blocks.
#define ATTN_SHAPE_FP16_D128 8, 1, 1, false, true, true, true
// and int8-half at D = 128 (f16 V stages as fp16's) likewise.
#define ATTN_SHAPE_INT8HALF_D128 8, 1, 1, false, true, true, true
