#!/usr/bin/env bash
# One device call (stop 43), run from the repository root: the full GPU test suite on the shipped
# kernels v64 (every method and entry, both D, every shape, causal both ways; the last full run was
# v60's, ../2026-12-03-h200-v60-selftest). v61-v64 changed the FP8-storage kernels and the INT8
# quantizers (v64: every INT8 method's device operands, and fp8-native's V8t through
# int8_v_transpose's 128-key blocks); their calls ran the selftest of the methods each changed.
#   here: bash scripts/gpu-bundle.sh (.gpu)
#   device (carry .gpu): bash results/2026-12-04-h200-v64-selftest/run.sh
set -u
source kernels/tools/device-steps.sh v64-selftest
step selftest 480 bash scripts/gpu-run.sh selftest --seed 64
smi
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w"/selftest.log
grep -h "^FAIL" "$w"/selftest.log | head
grep -c "^PASS quantize" "$w"/selftest.log
