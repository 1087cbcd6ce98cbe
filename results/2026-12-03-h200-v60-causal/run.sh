#!/usr/bin/env bash
# One device call (stop 40), run from the repository root: v60 against v59 under the causal mask in
# kcheck, to test the Java bench's single reading (results/2026-12-03-h200-v60-selftest) that
# fp8-e4m3 at D = 128 lost 7% at N = 1k with v60's 128-key blocks. Three rounds, interleaved.
#   here: bash kernels/tools/ab.sh build v59 5d28c8c; bash kernels/tools/ab.sh build v60;
#         bash kernels/tools/ab.sh pack v59 v60
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v60-causal/run.sh
set -u
source kernels/tools/device-steps.sh v60c
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 16384; do
    for b in v59 v60; do
      kperf ${b}_d128_n$n $b --perf-causal --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
  for b in v59 v60; do
    kperf ${b}_d64_n1024 $b --perf-causal --perf-d 64 --perf-n 1024 --perf-methods fp16,fp8e5m2,fp8e4m3
  done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
