#!/usr/bin/env bash
# One device call: kernels v40 (bundle of e7e6301, the same kernels as 4a81de9) on an H100, the
# card issue #3 names. Every v16-v40 result was measured on the lent H200 (the H100's SM, another
# memory and power budget); this is the first H100 run of the shipped kernels. The full selftest
# (every entry at both D against the Java emulation), the paper's grid with PyTorch's SDPA beside
# it, the causal bench, and, when time is left, the paper's grid once more (the run-to-run spread on
# this card). Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh h100v40
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
nvidia-smi -q -d POWER,CLOCK,PERFORMANCE > "$w/smi-q.txt" 2>&1
step selftest 300 bash scripts/gpu-run.sh selftest --seed 43
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cp "$w/smi.txt" "$w/smi-after-reproduce.txt"
step causal 60 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal"
left=$(( 585 - ($(date +%s) - start) ))
if [ "$left" -gt 100 ]; then
  step reproduce2 $(( left - 5 )) bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce2"
fi
smi
cat "$w/steps.txt"
cat "$w/smi-start.txt"
grep -h "passed, .* failed" "$w/selftest.log" | tail -1
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "^| int8 speedup over fp16 |" "$w"/reproduce*/REPORT.md
grep -h "16384  128 true" "$w/causal.log"
