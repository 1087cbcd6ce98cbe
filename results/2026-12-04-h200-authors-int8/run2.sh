#!/usr/bin/env bash
# The second call (carrying .gpu and .authors, now with the Triton tutorial's fused-attention
# forward beside the authors' two files): the authors' FP16 baseline in the same process as their
# INT8 kernel, D = 64 and then D = 128 with a longer step (the first call's D = 128 step was cut
# before N = 16k by its 200 s limit).
set -u
source kernels/tools/device-steps.sh authors2
begin_call
step call2-d64 200 python3 scripts/authors_kernel.py --authors .authors --triton-fp16 .authors/fused_attention_fwd.py --head-dim 64 --out "$w/call2-d64.csv"
step call2-d128 330 python3 scripts/authors_kernel.py --authors .authors --triton-fp16 .authors/fused_attention_fwd.py --head-dim 128 --out "$w/call2-d128.csv"
smi
pack
cat "$w/steps.txt"
grep -h "^gpu\|runs\|probe\|^N=\|does not run\|Error" "$w/call2-d64.log" "$w/call2-d128.log"
