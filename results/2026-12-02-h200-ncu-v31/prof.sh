#!/usr/bin/env bash
# One device call: Nsight Compute on the shipped kernels v31 (kcheck_v31 = `ab.sh build v31 HEAD`),
# one launch each at B=4, H=32, N=16k: int8 and fp8-native at D=128 (one schedule, two
# arithmetics), int8 at D=64 (its main entry, which N=16k runs).
set -u
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$OUT/smi.txt" 2>&1
bash kernels/tools/ncu.sh v31 "int8 128 attn_int8_d128" "fp8native 128 attn_fp8native_d128" "int8 64 attn_int8_d64"
ls -la "$OUT"
