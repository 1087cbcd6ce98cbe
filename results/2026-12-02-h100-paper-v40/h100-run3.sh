#!/usr/bin/env bash
# Fifth H100 call, bundle of the commit that caps the throttle reference at the nominal SM clock:
# the paper's grid a third time (its throttled flags under the capped rule) and the causal bench
# again, then a quick selftest at another seed (the FP64 check with FlipShift, every method).
set -u
source kernels/tools/device-steps.sh h100run3
smi
step reproduce3 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce3"
step causal3 60 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal3"
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 44
smi
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w/selftest-quick.log"
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "^| int8 speedup over fp16" "$w/reproduce3/REPORT.md"
