// kcheck run 72: a block's P̃·V issued whole (one commit group of 128 channels) at D = 128 for the
// folding methods, on kernels v39 (fp8-native now has Bc = 128 there); compiles without spills
// for fp8-native and int8, 4 bytes for int8-plus and int8+qsum.
#define ATTN_PV_PIECES 1
