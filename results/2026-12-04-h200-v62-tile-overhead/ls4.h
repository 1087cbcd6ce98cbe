#define ATTN_WS_LOAD_STAGES (D == 64 ? 4 : 1)  // D: AttnTraits template parameter; 4 raw stages fit at D = 64 only
