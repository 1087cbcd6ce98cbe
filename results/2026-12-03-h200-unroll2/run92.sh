#!/usr/bin/env bash
# kcheck run 92 (H200): the warp-specialized consumers' key-block loops unrolled by two
# (kcheck_u2: u2.diff, `#pragma unroll 2` on every form of the loop) against v47 (kcheck_v47,
# 5d78e90). The one-warpgroup entries' loops are the plain schedule's and do not change. ptxas -v:
# the INT8 Q·Kᵀ kernels at D = 128 spill 500-1300 bytes that way, so they are not timed; every other
# warp-specialized entry compiles without spills (int8-plus's and int8+qsum's persistent D = 64
# entries and the causal-only ones: 4 bytes). Checks first, then B = 4, H = 32, median of 15, three
# rounds, the binaries interleaved.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run92.sh LOG_DIR}"
kcheck_check u2 u2
kcheck_check u2_short u2 --short
for round in 1 2 3; do
  for b in v47 u2; do
    for n in 2048 4096 16384; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-methods fp16,int8,int8plus,int8half,fp8native --perf-n $n
    done
    for n in 4096 16384; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-methods fp16,fp8native --perf-n $n
    done
    kperf ${b}s_d64_n1024 $b --perf-d 64 --perf-methods int8plus,int8half --perf-n 1024 --short
  done
done
kcheck_summary
