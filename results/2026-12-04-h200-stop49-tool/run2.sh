#!/usr/bin/env bash
# The second device call of stop 49: an accuracy run on the kernels records the GPU's name, and its
# report is headed by it (an audit found such a report headed by the host CPU, "no CUDA device").
#   here: scripts/gpu-bundle.sh
#   device (carry .gpu): bash results/2026-12-04-h200-stop49-tool/run2.sh
set -u
source kernels/tools/device-steps.sh tool49b
begin_call
step accuracy-cuda 120 bash scripts/gpu-run.sh accuracy --backend cuda --seq-len 1024,2048 \
  --method fp16,fp8,int8,int8-plus --dist uniform,normal --rows 64 --out "$w/accuracy"
step report 60 bash scripts/gpu-run.sh report "$w/accuracy"
smi
pack
cat "$w/steps.txt"
grep -o '"gpu_name" : "[^"]*"' "$w/accuracy/run.json"
sed -n '1,12p' "$w/accuracy/REPORT.md" | grep -iE "gpu|h200|cpu|latency"
