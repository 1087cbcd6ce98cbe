#!/usr/bin/env bash
# One device call: kernels v33b (TMA loads) with the consumers' softmax skipped (ATTN_SKELETON,
# skel.h) against the shipped build, D = 64 and 128, N = 1k, 4k and 16k: the schedule's ceiling
# again, since run 49 measured it on the cp.async loads.
set -u
source kernels/tools/device-steps.sh v33skel
smi
for n in 1024 4096 16384; do
  step ab-n$n 120 env OUT="$w/ab_n$n" PERF_ARGS="--perf-n $n --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run v33 v33skel
done
cat "$w/steps.txt"
for n in 1024 4096 16384; do sed -n '/^== v33 /,$p' "$w/ab-n$n.log"; done
