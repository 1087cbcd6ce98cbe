#!/usr/bin/env bash
# One device call for kernels v33b (v33's TMA loads with the short-entry bounds of kcheck run 56):
# info, the quick selftest (every entry at both D, the device quantizers, the timing check), then
# the paper's grid with PyTorch's SDPA beside it. (v33's full selftest and sanitizers:
# ../2026-12-02-h200-paper-v33; v33b changes only which entry runs at which N.)
set -u
source kernels/tools/device-steps.sh v33b
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step info 30 bash scripts/gpu-run.sh info
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 34
step reproduce 180 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cat "$w/steps.txt"
grep -h "passed, .* failed\|timing:" "$w/selftest-quick.log" | tail -3
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
