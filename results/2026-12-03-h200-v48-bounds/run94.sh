#!/usr/bin/env bash
# kcheck run 94 (H200): after v48 made the D = 64 main entries of int8-half, int8-plus and int8+qsum
# 2% faster, does their persistent short entry still win up to its bound (N = 4096, set by run 79
# and re-timed level with the main entry in run 80)? Both entries of v48 (kcheck_v48), N = 2048 and
# 4096, non-causal and causal, B = 4, H = 32, median of 15, three rounds.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run94.sh LOG_DIR}"
m=int8half,int8qsum,int8plus
for round in 1 2 3; do
  for n in 2048 4096; do
    kperf main_n$n v48 --perf-d 64 --perf-methods $m --perf-n $n
    kperf short_n$n v48 --perf-d 64 --perf-methods $m --perf-n $n --short
    kperf mainc_n$n v48 --perf-d 64 --perf-methods $m --perf-n $n --perf-causal
    kperf shortc_n$n v48 --perf-d 64 --perf-methods $m --perf-n $n --short --perf-causal
  done
done
kcheck_summary
