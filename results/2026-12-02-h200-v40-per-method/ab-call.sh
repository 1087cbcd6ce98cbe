#!/usr/bin/env bash
# The device call of kcheck run 73 (see NOTES.md): kernels v40's candidate (the working tree on
# f9e69bb: a block's P̃·V whole for fp8-native at D = 128, and int8-half without v39's three
# register-saving forms) checked against kcheck's emulation, then timed at D = 128 against v39
# (base = f9e69bb), interleaved, two rounds.
set -u
CHECK="cand" PERF_ARGS="--perf-methods fp16,int8half,int8,int8plus,fp8native --perf-d 128" \
  bash kernels/tools/ab.sh run base cand
