#!/usr/bin/env bash
# Nsight Compute on the v20 kernels, as run for this folder (kcheck_v20 =
# `bash kernels/tools/ab.sh build v20 9e1a707`), on the GPU machine, carrying kernels/tools/out.
# The steps are kernels/tools/ncu.sh's.
exec bash kernels/tools/ncu.sh v20 "int8 128 attn_int8_d128" "fp8native 128 attn_fp8native_d128" "fp16 128 attn_fp16_d128"
