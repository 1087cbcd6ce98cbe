#!/usr/bin/env bash
# kcheck run 91 (H200): kernels v47 (kcheck_v47) against v46 (kcheck_base, 913cd39) on the entries
# v47 changed: int8's and int8+u8p's one-warpgroup D = 64 entries (--short, N = 1024, their bound)
# and int8-plus's and int8+qsum's D = 128 main entries (N = 16384; their short entries run below),
# with fp16 beside them as the unchanged control. B = 4, H = 32, median of 15, three rounds.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run91.sh LOG_DIR}"
for round in 1 2 3; do
  for b in base v47; do
    kperf ${b}s_d64_n1024 $b --perf-d 64 --perf-methods fp16,int8,int8u8p --perf-n 1024 --short
    kperf ${b}_d128_n16384 $b --perf-d 128 --perf-methods fp16,int8plus,int8qsum --perf-n 16384
  done
done
kcheck_summary
