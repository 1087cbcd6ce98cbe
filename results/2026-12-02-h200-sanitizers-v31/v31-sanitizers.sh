#!/usr/bin/env bash
# One device call: compute-sanitizer memcheck and racecheck over a quick selftest of fp16,
# fp8-native, int8-half, int8 and int8-plus at D = 64 and 128 (scripts/gpu-session.sh step 3),
# on the shipped kernels v31 (bundle built from d2a4ff8).
set -u
source kernels/tools/device-steps.sh v31san
smi
step sanitizers 420 env STEPS=3 bash scripts/gpu-session.sh "$w/session"
cat "$w/steps.txt"
tail -4 "$w/sanitizers.log"
