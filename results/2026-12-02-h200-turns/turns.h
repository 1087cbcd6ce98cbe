#define ATTN_WS_TURNS 1
