#!/usr/bin/env bash
# The device call of kcheck run 68 (see NOTES.md): Bc = 128 at D = 128 for the INT8 kernels
# (a contract change: kcheck's emulation blocks keys by each entry's exported Bc), on two consumer
# warpgroups in series (g2b128.h, 232 registers) and on the shipped three (g3b128.h, 160
# registers, spilling), against v37 (base): both checked, then timed at D = 128, interleaved.
set -u
CHECK="g2b128 g3b128" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods int8,int8plus,int8half --perf-d 128" \
  bash kernels/tools/ab.sh run base g2b128 g3b128
