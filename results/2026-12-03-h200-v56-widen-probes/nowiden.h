#include "fp16_bc64.h"
#define ATTN_WIDEN_PROBE 1
