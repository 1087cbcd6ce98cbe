#!/usr/bin/env bash
# One device call (stop 41), run from the repository root: where the FP8-storage kernels' gap to
# fp16 at D = 64 lies after v62 (0.86-0.95x fp16 in the main job, most at 2k-8k), by N.
# probe1 = v62 built with ATTN_WIDEN_PROBE=1: the producers publish each f16 stage without widening
# into it (timed only; the consumers compute on whatever the stage holds). If probe1 runs level
# with fp16, the widening's work is the gap; if not, it lies elsewhere (the raw ring, the TMA of
# raw blocks, the consumers' Q widening).
#   here: bash kernels/tools/ab.sh build v62 HEAD; ab.sh build probe1 .../probe1.h; ab.sh pack v62 probe1
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v62-widen-probes/run.sh
set -u
source kernels/tools/device-steps.sh v62probe
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 8192 16384; do
    for b in v62 probe1; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
  for n in 4096 16384; do
    for b in v62 probe1; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
