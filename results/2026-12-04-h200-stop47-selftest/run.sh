#!/usr/bin/env bash
# The quick selftest of every method with the tool as stop 47 leaves it: DeviceProblem now takes
# the softmax scale it is given (the selftest's device quantizers take the inputs' own), so the
# device-quantizer path it checks against the host's changed hands. Also bench at a scale given
# on the command line (--softmax-scale 0.7) for one point, to see it recorded in run.json.
# Run on the device from the repository root: bash results/2026-12-04-h200-stop47-selftest/run.sh
source kernels/tools/device-steps.sh stop47
begin_call
step selftest-quick 300 bash scripts/gpu-run.sh selftest --quick
step bench-scale 60 bash scripts/gpu-run.sh bench --method fp16,int8 --seq-len 1024 \
  --softmax-scale 0.7 --out "$w/bench-scale"
