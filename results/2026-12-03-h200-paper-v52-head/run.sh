#!/usr/bin/env bash
# One device call with the bundle of 883d1d6 (kernels v52, the jar as it stands at the end of
# stop 35):
#   - reproduce: `reproduce --config configs/paper.yaml --peer torch-sdpa`, the paper's grid with
#     PyTorch's FlashAttention-2 and cuDNN backends beside our kernels;
#   - m80: in the same call, kcheck of the mma.sync path (compute_80 PTX, JIT-compiled) timing
#     fp16, int8 and int8-plus at N = 1k / 4k / 16k, both D, median of 50, so that FlashAttention-2
#     (an mma.sync kernel) and our mma.sync kernels are measured on one card in one session
#     (../2026-12-03-h200-mma-sync compared them across calls).
# Carry .gpu and kernels/tools/out (ab.sh build m80 "" compute_80; ab.sh pack m80).
set -u
source kernels/tools/device-steps.sh v52head
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cat > "$w/m80.sh" <<'AB'
set -u
logs=$1
mkdir -p "$logs"
for n in 1024 4096 16384; do
  kernels/tools/out/kcheck_m80 --no-check --reps 50 --perf-n $n --perf-methods fp16,int8,int8plus \
    > "$logs/perf_m80_n${n}.txt" 2>&1
done
grep -h "^perf [a-z0-9]* *D=" "$logs"/perf_m80_n*.txt
AB
step m80 200 bash "$w/m80.sh" "$w/m80"
smi
cat "$w/steps.txt"
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
grep -h "^torch-flash\|^fp16,\|^int8," "$w/reproduce/latency.csv" | grep ",kernel," | cut -d, -f1,4,5,8,12,14 | grep -v ",2048,\|,8192,"
grep -h "^torch-flash" "$w/reproduce/latency.csv" | cut -d, -f1,4,5,8,12,14
tail -n 20 "$w/m80.log"
