#!/usr/bin/env bash
# One device call for kernels v44 (int8's and int8+u8p's D = 64 causal-only entries: the main entry
# in persistent blocks, run under the causal mask up to N = 4096 in place of the one-warpgroup short
# entry): kcheck of the new entries (default grid and KCHECK_GRID=7's long tile walks), kcheck
# run 85 (v44-perf.sh), the Java tool's `info`, a quick selftest (every entry, both D, causal both
# ways), the causal bench of ../2026-12-02-h200-paper-v43 (the same command), and compute-sanitizer
# racecheck and memcheck over a quick selftest of int8 and int8+u8p at D = 64. Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v44
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step kcheck-causal 120 kernels/tools/out/kcheck_v44 --causal-short --no-perf --check-methods int8,int8u8p
step kcheck-causal-g7 120 env KCHECK_GRID=7 kernels/tools/out/kcheck_v44 --causal-short --no-perf \
  --check-methods int8,int8u8p
step run85 150 bash results/2026-12-03-h200-causal-short-v44/v44-perf.sh "$w/run85"
step info 60 bash scripts/gpu-run.sh info
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 48
step causal 240 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal"
smi
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in racecheck memcheck; do
  left=$(( 585 - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  step sanitizer-$tool-d64 $(( left < 60 ? left : 60 )) compute-sanitizer --tool $tool --target-processes all \
    --print-limit 50 "$java" -jar "$jar" selftest --quick --no-timing-check --seed 14 --method int8,int8+u8p \
    --head-dim 64
done
cat "$w/steps.txt"
grep -h "launch int8\|== correctness" "$w"/kcheck-causal*.log
tail -n 8 "$w/run85.log"
grep -h "_causal" "$w/info.log"
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "causal-sequence entry" "$w/causal.log" | head -4
grep -h "kernel" "$w/causal.log" | grep -v "^\[" | tail -30
