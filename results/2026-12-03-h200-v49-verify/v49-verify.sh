#!/usr/bin/env bash
# One device call for the shipped kernels v49 (commit in reproduce/run.json), the first full check
# since v40's: kcheck of every entry (main, short and the causal-only ones) and of the compute_80
# PTX (the mma.sync path, JIT-compiled), the full selftest (every method and entry at both D, causal
# both ways, against the Java emulation and the FP64 reference), the paper's grid with PyTorch's
# SDPA beside it, and kcheck run 95 (run95.sh). The sanitizers run in the next call
# (v49-sanitize.sh). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v49
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step kcheck 60 kernels/tools/out/kcheck_v49 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v49 --short --no-perf
step kcheck-causal-short 40 kernels/tools/out/kcheck_v49 --causal-short --no-perf --check-methods int8,int8u8p
step kcheck-80 80 kernels/tools/out/kcheck_v49_80 --no-perf \
  --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus
step run95 90 bash results/2026-12-03-h200-v49-verify/run95.sh "$w/run95"
step selftest 270 bash scripts/gpu-run.sh selftest --seed 49
step reproduce 110 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
grep -h "passed, .* failed" "$w/selftest.log" | tail -1
grep -h "^FAIL" "$w/selftest.log" | head
tail -9 "$w/run95.log"
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
