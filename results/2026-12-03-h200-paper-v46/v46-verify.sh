#!/usr/bin/env bash
# One device call for kernels v46 (fp16's entries and fp8-native's one-warpgroup entry at D = 64
# with their rounds in two loops; their SASS is kcheck run 89's d64two build, checked there, ALL
# PASS): a quick selftest of fp16 and fp8-native at both D (every entry), then the paper's grid with
# PyTorch's SDPA beside it. Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v46
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step selftest-quick 100 bash scripts/gpu-run.sh selftest --quick --seed 51 --method fp16,fp8-native
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
