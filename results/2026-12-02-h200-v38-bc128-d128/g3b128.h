// Bc = 128 at D = 128 for the INT8 kernels on the shipped three consumer warpgroups (160 registers;
// ptxas spills 84-88 bytes for the INT8-P kernels, none for int8-half).
#define ATTN_KEYS_INT8_D128 128
#define ATTN_KEYS_INT8HALF_D128 128
