#!/usr/bin/env bash
# One device call for kernels v49 (host-side N bounds: int8-half's, int8-plus's and int8+qsum's D = 64
# persistent entries up to 2048 without the mask, 4096 with it; kernel code as v48): `info` with the
# bounds, and `bench` of those methods at N = 2048 and 4096, D = 64, causal both ways, whose log and
# run.json show the entry each point ran. Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v49
smi
step info 60 bash scripts/gpu-run.sh info
step bench 150 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8-plus,int8+qsum --seq-len 2048,4096 \
  --head-dim 64 --causal false,true --out "$w/bench"
cat "$w/steps.txt"
grep -h "int8plus_d64\|int8qsum_d64\|int8half_d64" "$w/info.log"
grep -h "kernel" "$w/bench.log" | grep -v "^\[" | tail -20
