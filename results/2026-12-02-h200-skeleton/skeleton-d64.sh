#!/usr/bin/env bash
# The second call of run 49: base and skel (softmax skipped) at the paper's D=64 for N = 1k … 8k,
# main entries (16k is in the first call, skeleton.sh).
set -u
source kernels/tools/device-steps.sh skeleton64
smi
for n in 1024 2048 4096 8192; do
  step ab-d64-n$n 90 env OUT="$w/ab_d64_n$n" PERF_ARGS="--perf-d 64 --perf-n $n --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run base skel
done
cat "$w/steps.txt"
for n in 1024 2048 4096 8192; do echo "== d64-n$n"; sed -n '/^== base/,$p' "$w/ab-d64-n$n.log"; done
