#!/usr/bin/env bash
# A second run of the paper's grid on kernels v39 (bundle of 332b3c7, as ../2026-12-02-h200-paper-v39),
# on a freshly started machine: how much the README's ratios move between two runs.
set -u
source kernels/tools/device-steps.sh v39b
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cat "$w/steps.txt"
grep -h "speedup over fp16" "$w/reproduce/REPORT.md" | head -12
