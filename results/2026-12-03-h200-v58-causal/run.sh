#!/usr/bin/env bash
# One device call (stop 39), run from the repository root: the Java bench under the causal mask
# at kernels v58 (`ed68db1`), the first since the FP8-storage kernels became warp-specialized (v56):
# their causal row blocks widen every key block of the block's last rows, and consumer groups whose
# rows see fewer only wait and release the rest.
#   here: bash scripts/gpu-bundle.sh       device (carry .gpu): bash results/2026-12-03-h200-v58-causal/run.sh
set -u
source kernels/tools/device-steps.sh v58c
step bench-causal 120 bash scripts/gpu-run.sh bench --method fp16,fp8,fp8-e4m3,int8 --seq-len 1024,4096,16384 \
  --head-dim 64,128 --causal true --out "$w/bench-causal"
smi
cat "$w/steps.txt"
cut -d, -f1,4,5,6,8,12 "$w/bench-causal/latency.csv"
