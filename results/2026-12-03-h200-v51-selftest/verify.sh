#!/usr/bin/env bash
# One device call for the shipped kernels v51 (commit in causal/run.json): the full selftest of
# every method and entry, uncut (v49's ran out of its budget in the last shape; v51's previous call
# ran the two changed methods whole and the rest --quick), then the causal bench of the methods
# with a short entry, at both D. Carry .gpu (scripts/gpu-bundle.sh).
set -u
source kernels/tools/device-steps.sh v51-selftest
step selftest 440 bash scripts/gpu-run.sh selftest --seed 71
smi
step causal 100 bash scripts/gpu-run.sh bench --causal true --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --out "$w/causal"
smi
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w"/selftest.log
grep -h "^FAIL" "$w"/selftest.log | head
tail -n 30 "$w/causal.log"
