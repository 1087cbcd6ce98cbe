#define ATTN_WS_STAGES (kWidenRing && D == 64 ? 4 : 0)
