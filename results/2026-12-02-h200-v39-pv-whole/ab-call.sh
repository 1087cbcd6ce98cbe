#!/usr/bin/env bash
# The device call of kcheck run 72 (see NOTES.md): on kernels v39 (base = 0370440), a block's P̃·V
# at D = 128 issued whole (whole.h, ATTN_PV_PIECES = 1) for the folding methods: checked against
# kcheck's emulation, then timed at D = 128 against v39's two channel halves, interleaved.
set -u
CHECK="whole" CHECK_TIMEOUT=120 PERF_ARGS="--perf-methods fp8native,int8,int8plus --perf-d 128" \
  bash kernels/tools/ab.sh run base whole
