#!/usr/bin/env bash
# One device call: the warp-specialized kernels with the softmax skipped (ATTN_SKELETON, kcheck
# builds `ab.sh build skel skel.h`, `skel2 skel2.h`) timed against the shipped ones (base), to
# measure what the schedule itself runs at: fp16, int8, int8plus, fp8native, main entries.
set -u
source kernels/tools/device-steps.sh skeleton
smi
for dn in "128 16384" "128 4096" "128 1024" "64 16384"; do
  set -- $dn
  step ab-d$1-n$2 120 env OUT="$w/ab_d$1_n$2" PERF_ARGS="--perf-d $1 --perf-n $2 --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run base skel skel2
done
cat "$w/steps.txt"
for dn in d128-n16384 d128-n4096 d128-n1024 d64-n16384; do echo "== $dn"; sed -n '/^== base/,$p' "$w/ab-$dn.log"; done
