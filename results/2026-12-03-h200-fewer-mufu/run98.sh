#!/usr/bin/env bash
# kcheck run 98 (H200): run 97's noexp build with run 96's row sums left out as well
# (kcheck_noexpdenom, noexp-nodenom.diff; a measurement build, its outputs wrong): are the exp2 and
# the FP32 row sums two limits of int8's D = 64 round, each binding once the other is gone (run 96:
# int8 +0.6% without the sums; run 97: +4% without the exp2)? Against v50 and noexp, the same
# methods and shapes as run 97, two rounds, the binaries interleaved.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run98.sh LOG_DIR}"
for round in 1 2; do
  for b in v50 noexp noexpdenom; do
    for d in 64 128; do
      kperf ${b}_d${d} $b --perf-d $d --perf-methods fp16,int8half,int8,int8plus,fp8native
    done
  done
done
kcheck_summary
