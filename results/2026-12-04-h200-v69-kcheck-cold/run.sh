#!/usr/bin/env bash
# One device call (stop 45): kcheck's new --perf-cold (L2 emptied before each attention sample, as
# the Java bench does) against its warm medians, on the question that set kernels v69's bounds:
# the D = 64 short entries against their main entries, which the Java bench ranked otherwise than
# kcheck's warm medians (../2026-12-04-h200-v69-cold-bounds). kcheck_v69c is kernels v69 (61139c9)
# with the option; three interleaved rounds, median of 20, B = 4, H = 32, D = 64, N = 4096 and 8192,
# main and short entries, warm and cold.
#   here: ab.sh build v69c; ab.sh pack v69c
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v69-kcheck-cold/run.sh
set -u
source kernels/tools/device-steps.sh v69c
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=fp16,int8,int8u8p,int8half,fp8native,int8plus,int8qsum
for round in 1 2 3; do
  for n in 4096 8192; do
    kperf warm_main_n$n v69c --perf-d 64 --perf-n $n --perf-methods $m
    kperf warm_short_n$n v69c --perf-d 64 --perf-n $n --perf-methods $m --short
    kperf cold_main_n$n v69c --perf-d 64 --perf-n $n --perf-methods $m --perf-cold
    kperf cold_short_n$n v69c --perf-d 64 --perf-n $n --perf-methods $m --perf-cold --short
  done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
smi
