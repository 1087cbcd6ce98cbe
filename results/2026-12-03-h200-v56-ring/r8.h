#define ATTN_WS_LOAD_STAGES (D == 64 ? 8 : 0)
