#!/usr/bin/env bash
# The third call (carrying .authors with the Triton tutorial's forward in its STAGE form: run2.sh's
# later form failed to compile on Triton 3.6, PassManager::run failed, and took the authors' run
# down with it). The authors' INT8 kernel and their FP16 baseline in one process, D = 64, then
# D = 128 for as long as the session's device time lasts.
set -u
source kernels/tools/device-steps.sh authors3
begin_call
step call3-d64 200 python3 scripts/authors_kernel.py --authors .authors --triton-fp16 .authors/fused_attention_fwd.py --head-dim 64 --out "$w/call3-d64.csv"
step call3-d128 300 python3 scripts/authors_kernel.py --authors .authors --triton-fp16 .authors/fused_attention_fwd.py --head-dim 128 --out "$w/call3-d128.csv"
smi
pack
cat "$w/steps.txt"
grep -h "^gpu\|runs\|probe\|^N=\|does not run\|Error\|triton-fp16 at" "$w/call3-d64.log" "$w/call3-d128.log"
