#!/usr/bin/env bash
# The device call of kcheck run 71 (see NOTES.md): kernels v39 (fp16 and fp8-native at Bc = 128,
# D = 128 without spills: the output copy's addresses computed after the loop, the mask as one
# threshold per row, the FP8 fold's fresh accumulators zeroed after the softmax) checked against
# kcheck's emulation (sm_90a, and the compute_80 PTX: the mma.sync path, JIT-compiled), then timed
# against v38 (base = 9b0491c) and run 70's spilling b128 form, both D, interleaved, two rounds.
set -u
CHECK="v39 v39_80" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods fp16,fp8native,int8,int8plus,int8half" \
  bash kernels/tools/ab.sh run base b128 v39
