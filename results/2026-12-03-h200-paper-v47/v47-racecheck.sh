#!/usr/bin/env bash
# The second device call for kernels v47: racecheck over four methods at both D ran past its 80 s in
# v47-verify.sh, so here per changed D: int8 and int8+u8p at D = 64 (the one-warpgroup entries in
# two loops), int8-plus and int8+qsum at D = 128 (the main entries' whole P̃·V). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v47r
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
step unpack 60 bash scripts/gpu-run.sh info
step racecheck-d64 240 compute-sanitizer --tool racecheck --target-processes all --print-limit 50 \
  "$java" -jar "$jar" selftest --quick --no-timing-check --seed 16 --method int8,int8+u8p --head-dim 64
step racecheck-d128 240 compute-sanitizer --tool racecheck --target-processes all --print-limit 50 \
  "$java" -jar "$jar" selftest --quick --no-timing-check --seed 16 --method int8-plus,int8+qsum --head-dim 128
cat "$w/steps.txt"
grep -h "RACECHECK SUMMARY\|passed, .* failed" "$w"/racecheck-*.log
