#!/usr/bin/env bash
# The second device call for the shipped kernels (after ../2026-12-03-h200-v49-verify, whose full
# selftest ran out of its 270 s in the last D = 128 shape), on v50 (commit in info.log; v50 = v49 +
# fp8-native's D = 64 main entry unrolled, kcheck run 95): the selftest's D = 128 half again, base
# seed 49 (other inputs: a shape's seed follows its place in the run; v50's D = 128 code is v49's),
# so that every shape of the full selftest has run; the changed entry's method at D = 64; then
# compute-sanitizer memcheck over a quick selftest of every kernel family at both D, and racecheck
# per D (cut where the call's budget ends: sanitize in kernels/tools/device-steps.sh). Outputs:
# this folder.
set -u
source kernels/tools/device-steps.sh v50
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step info 30 bash scripts/gpu-run.sh info
step selftest-d128 200 bash scripts/gpu-run.sh selftest --seed 49 --head-dim 128
step selftest-fp8native-d64 60 bash scripts/gpu-run.sh selftest --seed 49 --method fp8-native --head-dim 64
smi
families=fp16,fp8,fp8-e4m3,fp8-native,int8-half,int8,int8+u8p,int8+qsum,int8-plus
sanitize memcheck 100 all --quick --seed 50 --method $families
sanitize racecheck 180 d64 --quick --seed 51 --method $families --head-dim 64
sanitize racecheck 180 d128 --quick --seed 52 --method $families --head-dim 128
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w"/selftest-*.log
grep -h "^FAIL" "$w"/selftest-*.log | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
