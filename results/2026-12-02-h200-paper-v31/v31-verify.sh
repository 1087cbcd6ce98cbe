#!/usr/bin/env bash
# One device call for kernels v31 (v30's kernels with the short-entry bounds of kcheck run 52):
# info, the quick selftest (every entry at both D, the device quantizers, the timing check), then
# the paper's grid with PyTorch's SDPA beside it.
set -u
source kernels/tools/device-steps.sh v31
smi
step info 30 bash scripts/gpu-run.sh info
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 31
step reproduce 180 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
cp "$w/smi.txt" "$w/smi-start.txt" 2>/dev/null; smi
cat "$w/steps.txt"
grep -h "passed, .* failed\|timing:" "$w/selftest-quick.log" | tail -3
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
