#!/usr/bin/env bash
# One device call for kernels v48 (int8-half's, int8-plus's and int8+qsum's D = 64 main entries with
# their key-block loop unrolled by two; kcheck run 92's u2 build on those entries, SASS identical):
# kcheck of every entry of v48 (main and short), kcheck run 93 (v48 against v47 on the changed
# entries, three rounds), a quick selftest of the three changed methods at D = 64 (every entry,
# causal both ways), compute-sanitizer racecheck and memcheck over it, and the paper's grid with
# PyTorch's SDPA beside it. Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v48
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step kcheck 150 kernels/tools/out/kcheck_v48 --no-perf
step kcheck-short 150 kernels/tools/out/kcheck_v48 --short --no-perf
step run93 150 bash results/2026-12-03-h200-paper-v48/run93.sh "$w/run93"
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 53 --method int8-half,int8-plus,int8+qsum --head-dim 64
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in racecheck memcheck; do
  step sanitizer-$tool 120 compute-sanitizer --tool $tool --target-processes all --print-limit 50 \
    "$java" -jar "$jar" selftest --quick --no-timing-check --seed 17 --method int8-half,int8-plus,int8+qsum --head-dim 64
done
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -8 "$w/run93.log"
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
