#!/usr/bin/env bash
# One device call (stop 39), run from the repository root: the depth of v56's widening ring for
# the FP8-storage kernels at D = 64 (eight f16 stages and four raw ones as shipped), in kcheck:
#   cur: as shipped; r8: eight raw stages; r2: two raw stages; s4: four f16 stages and two raw.
#   here: bash kernels/tools/ab.sh build cur; bash kernels/tools/ab.sh build r8 .../r8.h (s4, r2 alike)
#         bash kernels/tools/ab.sh pack cur r8 s4 r2
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v56-ring/run.sh
set -u
source kernels/tools/device-steps.sh ring
for b in r8 s4 r2; do step check-$b 60 kernels/tools/out/kcheck_$b --no-perf --check-methods fp8e5m2,fp8e4m3; done
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=100
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in cur r8 s4 r2; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
for b in r8 s4 r2; do echo "$b: $(grep -h '== correctness' "$w/check-$b.log")"; done
cat "$w/perf.log"
