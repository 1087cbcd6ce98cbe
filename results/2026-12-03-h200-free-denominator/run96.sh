#!/usr/bin/env bash
# kcheck run 96 (H200): what the softmax denominator's FP32 row sums cost each method, measured as
# the skeleton of run 75 measured the whole softmax: kcheck_nodenom is v50 with the row sum of p
# left out of update_denominator_float (nodenom.diff; a measurement build, its outputs wrong), the
# sum that fp16, int8-half, int8 and fp8-native do on the FP32 pipes, one FADD per score. int8-plus
# takes its row sums from the tensor cores and does not change: the control. Against v50, N = 4096
# and 16384, D = 64 and 128, B = 4, H = 32, median of 15, three rounds, the binaries interleaved.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run96.sh LOG_DIR}"
for round in 1 2 3; do
  for b in v50 nodenom; do
    for d in 64 128; do
      kperf ${b}_d${d} $b --perf-d $d --perf-methods fp16,int8half,int8,int8plus,fp8native
    done
  done
done
kcheck_summary
