#!/usr/bin/env bash
# One device call (stop 42), run from the repository root: fp8-e4m3's P̃ = e4m3(p·256) packed four
# codes at a time (the second F2FP merging into the first's result, the halves then unpacked by
# F2FP with its .H0 / .H1 select), as v63 does e5m2's at D = 64. cuda_fp8.h's pairs also rebuild
# each f16x2 from two halves (IMAD): 540 -> 530 instructions a round at D = 64, 595 -> 582 at
# D = 128 (cuobjdump). The same bits.
#   v63  the shipped kernels (2bb34eb)
#   e4f  the tree of e4f.diff (taken out after this run) with ATTN_E4M3_PACK_FOUR=1 (e4f.h), both D
#   here: ab.sh build e4f e4f.h; ab.sh pack v63 e4f
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v64-e4m3-four/run.sh
set -u
source kernels/tools/device-steps.sh e4m3four
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check e4f e4f --check-methods fp16,fp8e5m2,fp8e4m3
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 16384; do
    for b in v63 e4f; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e4m3; done
  done
  for n in 1024 4096 16384; do
    for b in v63 e4f; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e4m3; done
  done
done
kcheck_summary
AB
step perf 400 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
