#!/usr/bin/env bash
# One device call (stop 40), run from the repository root: the FP8-storage kernels at D = 128 on
# wgmma with 128-key blocks, spill-free, against v59 (base: 64-key blocks there).
# v59-ab's 128-key form ran +7% at 16k but spilled 108 bytes: the widening producers' fully
# unrolled loop (16 loads a tile at D = 128, Bc = 128) made ptxas spill the consumers' row sums.
#  - u1: the producers' widening loop rolled (ATTN_WIDEN_UNROLL_E5M2 = _E4M3 = 1): no spills;
#  - u21: e5m2's unrolled by two steps (no spills), e4m3's rolled (two spill 4 bytes).
# Both have one raw stage beside two f16 stages of 64 KB (kLoadStages = 1).
#   here: bash kernels/tools/ab.sh build base HEAD; ab.sh build u1 results/.../u1.h;
#         ab.sh build u21 results/.../u21.h; ab.sh pack base u1 u21
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v60-fp8-d128/run.sh
set -u
source kernels/tools/device-steps.sh v60ab
step check-u1 60 kernels/tools/out/kcheck_u1 --no-perf --check-methods fp8e5m2,fp8e4m3
step check-u21 60 kernels/tools/out/kcheck_u21 --no-perf --check-methods fp8e5m2,fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in base u1 u21; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
done
kcheck_summary
AB
step perf 240 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w"/check-*.log
cat "$w/perf.log"
