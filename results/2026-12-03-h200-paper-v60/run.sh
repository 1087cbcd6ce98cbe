#!/usr/bin/env bash
# One device call (stop 40), run from the repository root: kernels v60 as shipped: fp8 and
# fp8-e4m3 on wgmma with 128-key blocks at D = 128 too (a contract change at D = 128), the
# producers' widening loop unrolled by two steps (e5m2) or rolled (e4m3) there.
#   1. kcheck of every entry (main and short) against its emulation, outputs poisoned;
#   2. the Java selftest of fp8 and fp8-e4m3 (every shape, both D), compute-sanitizer racecheck
#      and memcheck over them at D = 128;
#   3. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it
#      (its accuracy grid is at D = 64, which v60 did not change: it should equal v59's);
#   4. bench of fp16, fp8, fp8-e4m3 at D = 128, N = 1k / 4k / 16k.
#   here: bash scripts/gpu-bundle.sh (.gpu); bash kernels/tools/ab.sh build v60; ab.sh pack v60
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-03-h200-paper-v60/run.sh
set -u
source kernels/tools/device-steps.sh v60
step kcheck 60 kernels/tools/out/kcheck_v60 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v60 --no-perf --short
step selftest-fp8 150 bash scripts/gpu-run.sh selftest --method fp8,fp8-e4m3
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
step bench 60 bash scripts/gpu-run.sh bench --method fp16,fp8,fp8-e4m3 --seq-len 1024,4096,16384 --head-dim 128 \
  --out "$w/bench"
sanitize racecheck 60 fp8 --quick --method fp8,fp8-e4m3 --head-dim 128
sanitize memcheck 40 fp8 --quick --method fp8,fp8-e4m3 --head-dim 128
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 2 "$w/selftest-fp8.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md" | cut -c1-120
grep -h "^fp16,\|^int8,\|^fp8,\|^fp8-e4m3," "$w/reproduce/latency.csv" | grep ",kernel," | grep ",128,false" | cut -d, -f1,4,5,8,12,14
cut -d, -f1,4,5,8,12 "$w/bench/latency.csv"
