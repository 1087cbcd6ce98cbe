#!/usr/bin/env bash
# kcheck run 93 (H200): kernels v48 (kcheck_v48) against v47 (kcheck_v47, 5d78e90) on the entries v48
# changed: int8-half's, int8-plus's and int8+qsum's D = 64 main entries, at N = 8192 and 16384
# (below, their persistent short entries run), with fp16 beside them as the unchanged control.
# B = 4, H = 32, median of 15, three rounds.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run93.sh LOG_DIR}"
for round in 1 2 3; do
  for b in v47 v48; do
    for n in 8192 16384; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-methods fp16,int8half,int8qsum,int8plus --perf-n $n
    done
  done
done
kcheck_summary
