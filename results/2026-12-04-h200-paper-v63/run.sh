#!/usr/bin/env bash
# One device call (stop 42), run from the repository root: kernels v63 as shipped (2bb34eb): fp8's
# P̃ = e5m2(p) packed four codes at a time on wgmma at D = 64 (../2026-12-04-h200-v63-e5m2-pack:
# candidate pk2, whose sm_90a SASS of attn_fp8e5m2_d64 v63's equals; every other function as v62).
#   1. kcheck of every entry (main and short) against its emulation, outputs poisoned;
#   2. the Java selftest of fp8 (every shape, both D), compute-sanitizer racecheck and memcheck
#      over its quick selftest at D = 64;
#   3. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it;
#   4. kcheck, v62 against v63, three interleaved rounds at D = 64 (1k … 16k).
#   here: bash scripts/gpu-bundle.sh (.gpu); ab.sh build v62 c2645a3; ab.sh build v63; ab.sh pack v62 v63
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v63/run.sh
set -u
source kernels/tools/device-steps.sh v63
step kcheck 60 kernels/tools/out/kcheck_v63 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v63 --no-perf --short
step selftest-fp8 120 bash scripts/gpu-run.sh selftest --method fp8
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 8192 16384; do
    for b in v62 v63; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
done
kcheck_summary
AB
step perf 100 bash "$w/perf.sh" "$w/perf"
sanitize racecheck 50 fp8 --quick --method fp8 --head-dim 64
sanitize memcheck 40 fp8 --quick --method fp8 --head-dim 64
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 2 "$w/selftest-fp8.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md" | cut -c1-120
grep -h "^fp16,\|^int8,\|^fp8,\|^fp8-e4m3," "$w/reproduce/latency.csv" | grep ",kernel," | grep ",false," | cut -d, -f1,4,5,8,12,14
cat "$w/perf.log"
