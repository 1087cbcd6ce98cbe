// kcheck run 89 candidate: the INT8 family's P̃·V at D = 128 as one wgmma group (v40 measured it on two loops: int8 -9%).
#define ATTN_PV_PIECES 1
