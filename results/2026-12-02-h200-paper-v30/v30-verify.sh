#!/usr/bin/env bash
# One device call for kernels v30 (the row maximum as a pairwise tree) and the first GPU run of the
# SampleHold refactor (b635391) and of the minimized jar with the stripped runtime: info and the
# full selftest (scripts/gpu-session.sh steps 1 and 2), memcheck over a quick selftest of the
# INT8 kernels, then the paper's grid with PyTorch's SDPA beside it.
set -u
source kernels/tools/device-steps.sh v30
smi
step session 330 env STEPS=1,2 bash scripts/gpu-session.sh "$w/session"
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java; jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
step sanitizer-memcheck 90 compute-sanitizer --tool memcheck --target-processes all --print-limit 50 "$java" -jar "$jar" selftest --quick --seed 7 --method fp16,int8,int8-plus --head-dim 64,128
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cat "$w/steps.txt"
tail -3 "$w/session.log"
grep -h "passed, .* failed\|timing:" "$w/session/selftest.log" | tail -3
grep -h "ERROR SUMMARY\|passed, .* failed" "$w/sanitizer-memcheck.log"
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
