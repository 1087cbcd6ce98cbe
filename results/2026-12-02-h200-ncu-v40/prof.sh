#!/usr/bin/env bash
# Nsight Compute on the shipped kernels v40 (kcheck_v40 = 4a81de9): int8, fp16 and fp8-native at
# D = 64 and 128, one launch each at B=4, H=32, N=16k (kernels/tools/ncu.sh).
set -u
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$OUT/smi.txt" 2>&1
bash kernels/tools/ncu.sh v40 "int8 64 attn_int8_d64" "fp16 64 attn_fp16_d64" "fp8native 64 attn_fp8native_d64" \
  "int8 128 attn_int8_d128" "fp16 128 attn_fp16_d128" "fp8native 128 attn_fp8native_d128"
