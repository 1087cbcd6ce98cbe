// fp16 and int8-half at D=128 on the two-group warp-specialized schedule (each group overlaps its
// softmax with its own previous P̃·V, 232 registers), against v20's three groups in series.
#define ATTN_SHAPE_FP16_D128 8, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8HALF_D128 8, 1, 1, false, true, true, true
