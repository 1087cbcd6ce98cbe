#!/usr/bin/env bash
# One device call for kernels v47 (int8's and int8+u8p's one-warpgroup D = 64 entries with their
# rounds in two loops; int8-plus's and int8+qsum's D = 128 main entries issue a block's P̃·V whole;
# kcheck run 90's candidates, restricted to the entries that gained): kcheck of every entry of v47
# (main and short), kcheck run 91 (v47 against v46 on the changed entries, three rounds), a quick
# selftest of the four changed methods (every entry, both D, causal both ways), the paper's grid
# with PyTorch's SDPA beside it, and compute-sanitizer racecheck and memcheck over a quick selftest
# of the changed methods. Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v47
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step kcheck 150 kernels/tools/out/kcheck_v47 --no-perf
step kcheck-short 150 kernels/tools/out/kcheck_v47 --short --no-perf
step run91 150 bash results/2026-12-03-h200-paper-v47/run91.sh "$w/run91"
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 52 --method int8,int8+u8p,int8-plus,int8+qsum
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in racecheck memcheck; do
  left=$(( 585 - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  step sanitizer-$tool $(( left < 80 ? left : 80 )) compute-sanitizer --tool $tool --target-processes all \
    --print-limit 50 "$java" -jar "$jar" selftest --quick --no-timing-check --seed 16 \
    --method int8,int8+u8p,int8-plus,int8+qsum
done
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -8 "$w/run91.log"
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
