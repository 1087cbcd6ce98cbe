#!/usr/bin/env bash
# kcheck run 90 (H200), after v45-v46 set the loop form per kernel (TUNING.md next step 13). Two
# forms never timed, each against v46 (kcheck_base, commit 913cd39) in the same call:
#   kcheck_d64two: d64two.diff, the INT8 Q·Kᵀ kernels at D = 64 with their rounds in two loops
#                  (the blocks before the first masked one in a loop of their own), as fp16 has
#                  since v46; their entries keep v37's written-out loop so far. Every D = 64 INT8
#                  entry changes (main, one-warpgroup short, persistent short, causal-only).
#   kcheck_pvq:    pvq.diff, a block's P̃·V as one wgmma group at D = 128 for the methods whose
#                  denominator comes from the tensor cores (int8-plus, int8+qsum): run 89 timed the
#                  whole INT8 family so (int8 -4%, int8-plus +1.3% at 16k), this is the per-method
#                  choice.
# No spills in either (ptxas -v, sm_90a). Checks first (every changed entry), then B = 4, H = 32,
# median of 15, three rounds, the binaries interleaved within each round.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run90.sh LOG_DIR}"
m64=int8,int8u8p,int8qsum,int8plus,int8half
kcheck_check d64two d64two --check-methods $m64
kcheck_check d64two_short d64two --check-methods $m64 --short
kcheck_check d64two_causal d64two --check-methods int8,int8u8p --causal-short
kcheck_check pvq pvq --check-methods int8qsum,int8plus
kcheck_check pvq_short pvq --check-methods int8qsum,int8plus --short
for round in 1 2 3; do
  for b in base d64two; do
    for n in 2048 4096 16384; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-methods int8,int8u8p,int8plus,int8half --perf-n $n
    done
    kperf ${b}s_d64_n1024 $b --perf-d 64 --perf-methods int8,int8u8p,int8plus,int8half --perf-n 1024 --short
    kperf ${b}s_d64_n4096 $b --perf-d 64 --perf-methods int8plus,int8half --perf-n 4096 --short
    kperf ${b}c_d64_n2048 $b --perf-d 64 --perf-methods int8,int8u8p --perf-n 2048 --causal-short --perf-causal
  done
  for b in base pvq; do
    kperf ${b}_d128_n16384 $b --perf-d 128 --perf-methods int8plus,int8qsum --perf-n 16384
    for n in 1024 4096 8192; do
      kperf ${b}s_d128_n$n $b --perf-d 128 --perf-methods int8plus,int8qsum --perf-n $n --short
    done
  done
done
kcheck_summary
