#!/usr/bin/env bash
# One device call (stop 42): Nsight Compute on fp8 (e5m2) and fp16 at N = 4k, B = 4, H = 32, both D,
# kernels v63 as shipped (kcheck_v63). Where do fp8's consumers lose their 10-14% to fp16's at 4k
# (../2026-12-04-h200-v62-tile-overhead: 0.90x at D = 64, 0.86x at D = 128, producers idle)?
# Carry kernels/tools/out. Output: w/ncu/ncu.tar.gz packed in ncu-fp8.tar.gz.
set -u
source kernels/tools/device-steps.sh ncu-fp8
mkdir -p "$w/ncu"
step ncu 400 env OUT="$w/ncu" NCU_N=4096 bash kernels/tools/ncu.sh v63 "fp8e5m2 64 attn_fp8e5m2_d64" \
  "fp16 64 attn_fp16_d64" "fp8e5m2 128 attn_fp8e5m2_d128" "fp16 128 attn_fp16_d128"
smi
cat "$w/steps.txt"
cat "$w/ncu.log"
