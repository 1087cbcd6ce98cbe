#!/usr/bin/env bash
# One device call: the causal bench of results/2026-12-02-h200-causal-v26 again, on kernels v36
# (bundle of 0b255ac). Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh causal
smi
step bench 240 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/bench"
smi
cat "$w/steps.txt"
tail -40 "$w/bench.log"
