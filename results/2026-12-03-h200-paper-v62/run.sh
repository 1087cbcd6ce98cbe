#!/usr/bin/env bash
# One device call (stop 41), run from the repository root: kernels v62 as shipped: the widening
# producers' addresses one per phase plus immediates, fully unrolled at both D
# (results/2026-12-03-h200-v62-ab: `wa0`, whose SASS v62's equals on sm_90a).
#   1. kcheck of every entry (main and short) against its emulation, outputs poisoned;
#   2. the Java selftest of fp8 and fp8-e4m3 (every shape, both D), compute-sanitizer racecheck
#      and memcheck over them at D = 128 (quick);
#   3. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it;
#   4. bench of fp16, fp8, fp8-e4m3 at D = 128, N = 1k / 4k / 16k;
#   5. kcheck, v61 against v62, four interleaved rounds at D = 64 (1k, 4k, 16k; v62-ab read fp8
#      −1.3% at 16k there) and D = 128, 16k.
#   here: bash scripts/gpu-bundle.sh (.gpu); kcheck_v61 / kcheck_v62 = v62-ab's `base` / `wa0`
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-03-h200-paper-v62/run.sh
set -u
source kernels/tools/device-steps.sh v62
step kcheck 60 kernels/tools/out/kcheck_v62 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v62 --no-perf --short
step selftest-fp8 150 bash scripts/gpu-run.sh selftest --method fp8,fp8-e4m3
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
step bench 60 bash scripts/gpu-run.sh bench --method fp16,fp8,fp8-e4m3 --seq-len 1024,4096,16384 --head-dim 128 \
  --out "$w/bench"
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3 4; do
  for b in v61 v62; do
    for n in 1024 4096 16384; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
    kperf ${b}_d128_n16384 $b --perf-d 128 --perf-n 16384 --perf-methods fp16,fp8e5m2,fp8e4m3
  done
done
kcheck_summary
AB
step perf 90 bash "$w/perf.sh" "$w/perf"
sanitize racecheck 50 fp8 --quick --method fp8,fp8-e4m3 --head-dim 128
sanitize memcheck 40 fp8 --quick --method fp8,fp8-e4m3 --head-dim 128
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 2 "$w/selftest-fp8.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md" | cut -c1-120
grep -h "^fp16,\|^int8,\|^fp8,\|^fp8-e4m3," "$w/reproduce/latency.csv" | grep ",kernel," | grep ",false," | cut -d, -f1,4,5,8,12
cut -d, -f1,4,5,8,12 "$w/bench/latency.csv"
cat "$w/perf.log"
