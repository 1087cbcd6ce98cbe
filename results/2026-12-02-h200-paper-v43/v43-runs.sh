#!/usr/bin/env bash
# One device call on kernels v43: the paper's grid again (a second run of v42's entries, which v43
# keeps without the mask: the run-to-run range of the README's H200 ratios), and the causal bench
# of the earlier causal folders (../2026-12-02-h200-causal-v36 and before: the same methods, N and
# D), whose short entries now run up to v43's causal bounds. Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v43runs
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
step causal 240 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal"
smi
cat "$w/steps.txt"
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
grep -h "kernel" "$w/causal.log" | grep -v "^\[" | tail -30
