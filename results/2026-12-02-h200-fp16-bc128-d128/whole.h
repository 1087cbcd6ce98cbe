// Candidate (kcheck shapes header): the INT8 family's P̃·V at D = 128, Bc = 128 issued as one
// commit group of 128 channels instead of v38's two of 64. With v38's split round loops it compiles
// without spills (sm_90a, compile only). int8-plus gained less without spills than with them (run 69
// +7.6%, run 68 +15%); the extra wgmma wait of the second half is one suspect (int8-half, whose f16
// P̃·V has no halves, gained less too: +3.7% against +13%). Not run.
#define ATTN_PV_PIECES 1
