#!/usr/bin/env bash
# One device call (stop 40), run from the repository root: the full GPU test suite on the shipped
# kernels v60 (every method and entry, both D, every shape, causal both ways; v59-v60 changed the
# producers of every warp-specialized kernel and the FP8-storage kernels' Bc), and the causal
# bench of fp16, fp8, fp8-e4m3 and int8 (the FP8-storage kernels' first on 128-key blocks).
#   here: bash scripts/gpu-bundle.sh (.gpu)
#   device (carry .gpu): bash results/2026-12-03-h200-v60-selftest/run.sh
set -u
source kernels/tools/device-steps.sh v60-selftest
step selftest 440 bash scripts/gpu-run.sh selftest --seed 72
smi
step causal 100 bash scripts/gpu-run.sh bench --causal true --method fp16,fp8,fp8-e4m3,int8 \
  --seq-len 1024,4096,16384 --head-dim 64,128 --out "$w/causal"
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w"/selftest.log
grep -h "^FAIL" "$w"/selftest.log | head
cut -d, -f1,4,5,6,8,12 "$w/causal/latency.csv"
