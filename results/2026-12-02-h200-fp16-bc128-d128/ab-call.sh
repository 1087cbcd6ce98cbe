#!/usr/bin/env bash
# The device call of kcheck run 70 (see NOTES.md): FP16's side of the D = 128 ratio. Bc = 128 at
# D = 128 for fp16 and fp8-native on the shipped three consumer groups (b128.h, spilling 44 bytes
# each), and the INT8 family's P̃·V at D = 128 issued whole (whole.h, ATTN_PV_PIECES = 1), against
# kernels v38 (base = 9b0491c): both checked against kcheck's emulation (which blocks keys by each
# entry's exported Bc), then timed at D = 128, interleaved, two rounds.
set -u
CHECK="b128 whole" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods fp16,fp8native,int8,int8plus,int8half --perf-d 128" \
  bash kernels/tools/ab.sh run base b128 whole
