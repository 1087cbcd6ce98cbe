#!/usr/bin/env bash
# kcheck run 97 (H200): is the exp2 (MUFU) what bounds the softmax? Two measurement builds of v50
# whose outputs are wrong: kcheck_halfexp computes p = ex2(t) for half the scores (key tiles j
# even) and an FMUL in place of the ex2 for the other half (halfexp.diff), kcheck_noexp an FMUL for
# every score (noexp.diff): the same instruction count, fewer MUFU operations. Against v50, every
# method that computes p through online_softmax_update (all but the widened FP8 ones), N = 4096 and
# 16384, D = 64 and 128, B = 4, H = 32, median of 15, two rounds, the binaries interleaved.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run97.sh LOG_DIR}"
for round in 1 2; do
  for b in v50 halfexp noexp; do
    for d in 64 128; do
      kperf ${b}_d${d} $b --perf-d $d --perf-methods fp16,int8half,int8,int8plus,fp8native
    done
  done
done
kcheck_summary
