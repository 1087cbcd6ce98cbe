// Candidate (kcheck shapes header): Bc = 128 at D = 128 for fp16 and fp8-native, as v38 gave the
// INT8 Q·Kᵀ kernels. With v38's split round loops (AttnTraits::kMaskedRoundsApart applies at this
// shape) ptxas spills 44 bytes in each (124 for fp16 before them), so build.sh would refuse it;
// kcheck (kernels/tools/ab.sh build NAME THIS_FILE) times it anyway, as run 68 timed INT8's spilling
// form before its spill was removed. Not run.
#define ATTN_KEYS_FP16_D128 128
#define ATTN_KEYS_FP8NATIVE_D128 128
