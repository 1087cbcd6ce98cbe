// kcheck run 84 candidate: int8's and int8+u8p's D = 64 short entries as the main entry's shape in
// persistent blocks (as int8-plus's since v42), in place of one warpgroup per block.
// ATTN_PERSISTENT makes every warp-specialized entry persistent; run 84 times only the short ones.
#define ATTN_PERSISTENT 1
#define ATTN_SHAPE_INT8_D64_SHORT ATTN_SHAPE_OR_WGMMA_WS(4, 1, 1, false, false, false, false)
