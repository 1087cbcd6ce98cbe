#!/usr/bin/env bash
# Eighth H100 call: the SM clock inside the kernels, by Nsight Compute's count (elapsed cycles over
# the kernel's duration, one launch each, --clock-control none), for int8 and fp16 at D = 64 and
# 128, N = 16k (kernels/tools/ncu.sh on kcheck_v40, the shipped kernels; SpeedOfLight only). The
# bench reads its clock after each sample; this is the clock during one.
set -u
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$OUT/smi.txt" 2>&1
SECTIONS="SpeedOfLight" bash kernels/tools/ncu.sh v40 "int8 64 attn_int8_d64" "fp16 64 attn_fp16_d64" \
  "int8 128 attn_int8_d128" "fp16 128 attn_fp16_d128"
tar -C "$OUT" -xzf "$OUT/ncu.tar.gz"
grep -H "SM Frequency\|Elapsed Cycles\|Duration" "$OUT"/ncu/*.details.txt
