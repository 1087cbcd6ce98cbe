#!/usr/bin/env bash
# One device call (kcheck run 53): the consumer groups' softmax in turns (ATTN_WS_TURNS=1, a
# measurement switch, `turns.h`) against the shipped kernels (base = HEAD): every main entry
# checked (causal, odd N: a deadlock would show as the check's timeout), then timed interleaved.
set -u
source kernels/tools/device-steps.sh turns
smi
step check-turns 90 env OUT="$w/check" CHECK="turns" CHECK_TIMEOUT=75 PERF_ARGS="--perf-n 1024 --perf-methods fp16" bash kernels/tools/ab.sh run turns
for dn in "128 16384" "128 4096" "64 16384" "128 1024"; do
  set -- $dn
  step ab-d$1-n$2 60 env OUT="$w/ab_d$1_n$2" PERF_ARGS="--perf-d $1 --perf-n $2 --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run base turns
done
cat "$w/steps.txt"
grep -h "check turns" "$w/check-turns.log"
for dn in d128-n16384 d128-n4096 d64-n16384 d128-n1024; do echo "== $dn"; sed -n '/^== base/,$p' "$w/ab-$dn.log"; done
