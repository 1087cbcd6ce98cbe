#!/usr/bin/env bash
# One device call (stop 42), run from the repository root: kernels v63 against v62 under the causal
# mask. v63 packs fp8's P̃ four codes at a time at D = 64 in both of its loops (the rounds with and
# without masked keys); ../2026-12-04-h200-paper-v63 timed it without the mask only.
#   here: ab.sh build v62 c2645a3; ab.sh build v63 (2bb34eb); ab.sh pack v62 v63
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v63-causal/run.sh
set -u
source kernels/tools/device-steps.sh v63causal
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 16384; do
    for b in v62 v63; do kperf ${b}_d64_n$n $b --perf-causal --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
