#!/usr/bin/env bash
# Nsight Compute on the v18 kernels, as run for this folder (kcheck_v18 =
# `bash kernels/tools/ab.sh build v18 a1c8256`; the sections of that run), on the GPU machine,
# carrying kernels/tools/out. The steps are kernels/tools/ncu.sh's.
SECTIONS="SourceCounters WarpStateStats SchedulerStats SpeedOfLight Occupancy" \
  exec bash kernels/tools/ncu.sh v18 "int8 128 attn_int8_d128" "int8 64 attn_int8_d64" "fp16 64 attn_fp16_d64"
