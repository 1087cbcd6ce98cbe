#!/usr/bin/env bash
# One device call (stop 44), after ../2026-12-04-h200-paper-v65's perf.sh: the v65 one-warpgroup
# D = 64 short entries were still 4-7% ahead of the main entry at N = 4k under the causal mask, and
# int8's and int8+u8p's were mixed at 4k without it (+3.7% and -3.3% in two rounds). So: causal at
# 8k and 16k (main, short, and int8's and int8+u8p's causal-only entry at 8k), and non-causal 4k in
# three more rounds. Binary: kcheck_v65 (17af338), B = 4, H = 32, median of 20.
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v65-short-bounds/run.sh
set -u
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
source kernels/tools/kcheck-rounds.sh "$OUT/perf"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$OUT/perf/smi-start.txt"
export KCHECK_REPS=20
m=fp16,int8,int8u8p,fp8native
for round in 1 2 3; do
  kperf main_n4096 v65 --perf-d 64 --perf-n 4096 --perf-methods $m
  kperf short_n4096 v65 --perf-d 64 --perf-n 4096 --perf-methods $m --short
  if [ $round -le 2 ]; then
    for n in 8192 16384; do
      kperf cmain_n$n v65 --perf-d 64 --perf-n $n --perf-methods $m --perf-causal
      kperf cshort_n$n v65 --perf-d 64 --perf-n $n --perf-methods $m --perf-causal --short
    done
    kperf ccausal_n8192 v65 --perf-d 64 --perf-n 8192 --perf-methods int8,int8u8p --perf-causal --causal-short
  fi
done
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$OUT/perf/smi.txt"
kcheck_summary | tee "$OUT/perf/summary.txt"
tar -C "$OUT" -czf "$OUT/perf.tar.gz" perf
