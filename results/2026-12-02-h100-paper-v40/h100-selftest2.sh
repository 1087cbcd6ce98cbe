#!/usr/bin/env bash
# Seventh H100 call: the full selftest again at call 1's seed (43), every method and entry at both D,
# on the bundle of the commit with FlipShift and the capped throttle reference (clean).
set -u
source kernels/tools/device-steps.sh h100selftest2
smi
step selftest2 400 bash scripts/gpu-run.sh selftest --seed 43
smi
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w/selftest2.log" | tail -1
grep -h "^FAIL" "$w/selftest2.log" | head
