#!/usr/bin/env bash
# Nsight Compute on the shipped kernels v33b (kcheck_v33 = bddedd3): int8 at D = 128 and 64,
# fp16 at D = 128, one launch each at B=4, H=32, N=16k (kernels/tools/ncu.sh).
set -u
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$OUT/smi.txt" 2>&1
bash kernels/tools/ncu.sh v33 "int8 128 attn_int8_d128" "int8 64 attn_int8_d64" "fp16 128 attn_fp16_d128"
