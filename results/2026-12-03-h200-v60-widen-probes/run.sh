#!/usr/bin/env bash
# One device call (stop 40), run from the repository root: what the widening still costs the
# FP8-storage kernels on v60's 128-key blocks. probe1 = v60 with ATTN_WIDEN_PROBE=1 (the producers
# publish each f16 stage without widening into it; timed only, --no-check, as in
# results/2026-12-03-h200-v56-widen-probes at 64 keys), against v60, fp16 beside them.
#   here: bash kernels/tools/ab.sh build v60; ab.sh build probe1 results/.../probe1.h; ab.sh pack v60 probe1
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v60-widen-probes/run.sh
set -u
source kernels/tools/device-steps.sh v60p
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 16384; do
      for b in v60 probe1; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
    done
  done
done
kcheck_summary
AB
step perf 150 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
