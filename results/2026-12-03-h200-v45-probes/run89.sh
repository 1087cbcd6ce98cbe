#!/usr/bin/env bash
# kcheck run 89 (H200), after v45 found one loop of rounds faster for the INT8 Q·Kᵀ kernels at
# D = 128 and slower for fp16 and fp8-native there. Two more forms settled long ago under other
# register budgets, each timed against v45 in the same call:
#   kcheck_d64two: d64two.diff, fp16 and fp8-native at D = 64 with their rounds in two loops (the
#                  form they keep at D = 128), main and short entries;
#   kcheck_pv1:    pv1.h, the INT8 family's P̃·V at D = 128 as one wgmma group (v40, on two loops:
#                  int8 -9%, int8-plus spilled 4 bytes; no spills on v45).
# Checks first (every entry of the changed methods), then B = 4, H = 32, median of 15, two rounds.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run89.sh LOG_DIR}"
kcheck_check d64two d64two --check-methods fp16,fp8native
kcheck_check d64two_short d64two --check-methods fp16,fp8native --short
kcheck_check pv1 pv1 --check-methods int8,int8u8p,int8qsum,int8plus
kcheck_check pv1_short pv1 --check-methods int8,int8u8p,int8qsum,int8plus --short
for round in 1 2; do
  for n in 1024 2048 4096 16384; do
    kperf v45_d64_n$n v45 --perf-d 64 --perf-methods fp16,fp8native --perf-n $n
    kperf two_d64_n$n d64two --perf-d 64 --perf-methods fp16,fp8native --perf-n $n
  done
  kperf v45s_d64_n1024 v45 --perf-d 64 --perf-methods fp16,fp8native --perf-n 1024 --short
  kperf twos_d64_n1024 d64two --perf-d 64 --perf-methods fp16,fp8native --perf-n 1024 --short
  for n in 4096 16384; do
    kperf v45_d128_n$n v45 --perf-d 128 --perf-methods int8,int8plus --perf-n $n
    kperf pv1_d128_n$n pv1 --perf-d 128 --perf-methods int8,int8plus --perf-n $n
  done
  for n in 1024 4096; do
    kperf v45s_d128_n$n v45 --perf-d 128 --perf-methods int8,int8plus --perf-n $n --short
    kperf pv1s_d128_n$n pv1 --perf-d 128 --perf-methods int8,int8plus --perf-n $n --short
  done
done
kcheck_summary
