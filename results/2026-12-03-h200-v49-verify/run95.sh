#!/usr/bin/env bash
# kcheck run 95 (H200): fp8-native's D = 64 main entry with its warp-specialized key-block loop
# unrolled by two (kcheck_f8u2: v49 with AttnTraits::kRoundUnroll = 2 for that entry too, the form
# run 92 read at +0.5-1.1%) against v49 (kcheck_v49), at N = 2048 … 16384 (its short entry runs up
# to 1024), with fp16 beside it as the unchanged control. B = 4, H = 32, median of 15, three rounds,
# the binaries interleaved.
set -u
source kernels/tools/kcheck-rounds.sh "${1:?usage: run95.sh LOG_DIR}"
kcheck_check f8u2 f8u2 --check-methods fp8native
for round in 1 2 3; do
  for b in v49 f8u2; do
    for n in 2048 4096 8192 16384; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-methods fp16,fp8native --perf-n $n
    done
  done
done
kcheck_summary
