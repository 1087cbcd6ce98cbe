#!/usr/bin/env bash
# racecheck again, as v33-verify.sh ran it, with room for its ~150 s (the first call's 110 s cut
# it off at the last shapes, with no hazard reported up to there).
set -u
source kernels/tools/device-steps.sh v33race
bash scripts/gpu-run.sh --version > /dev/null 2>&1  # unpacks the runtime the sanitizer wraps
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
step sanitizer-racecheck 400 compute-sanitizer --tool racecheck --target-processes all --print-limit 50 \
  "$java" -jar "$jar" selftest --quick --no-timing-check --seed 7 \
  --method fp16,fp8-native,int8-half,int8,int8-plus --head-dim 64,128
cat "$w/steps.txt"
grep -h "passed, .* failed\|RACECHECK SUMMARY" "$w"/sanitizer-racecheck.log
