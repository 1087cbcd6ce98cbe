#!/usr/bin/env bash
# The D = 64 short entries' N bounds after v65: each point's main entry, short entry and (causal,
# int8 and int8+u8p) causal-only entry interleaved, median of 20, two rounds.
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=fp16,int8,int8u8p,fp8native
for round in 1 2; do
  for n in 1024 2048 4096 8192; do
    kperf main_n$n v65 --perf-d 64 --perf-n $n --perf-methods $m
    kperf short_n$n v65 --perf-d 64 --perf-n $n --perf-methods $m --short
  done
  for n in 1024 2048 4096; do
    kperf cmain_n$n v65 --perf-d 64 --perf-n $n --perf-methods $m --perf-causal
    kperf cshort_n$n v65 --perf-d 64 --perf-n $n --perf-methods $m --perf-causal --short
    kperf ccausal_n$n v65 --perf-d 64 --perf-n $n --perf-methods int8,int8u8p --perf-causal --causal-short
  done
done
kcheck_summary
