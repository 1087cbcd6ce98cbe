// kcheck run 82 candidate: the D = 64 one-warpgroup short entries (fp16, fp8-native, int8,
// int8+u8p) as two consumer warpgroups, warp-specialized, in persistent blocks (128-row tiles: a
// whole number of them at N = 1k, 2k, where the three-group tile of 192 rows leaves a third-full
// last one). ATTN_PERSISTENT makes every warp-specialized entry persistent, the main ones too.
#define ATTN_PERSISTENT 1
#define ATTN_SHAPE_FP16_D64_SHORT 8, 1, 1, false, true, true, true
#define ATTN_SHAPE_FP8NATIVE_D64_SHORT 8, 1, 1, false, true, true, true
#define ATTN_SHAPE_INT8_D64_SHORT 8, 1, 1, false, true, true, true
