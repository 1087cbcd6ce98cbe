#!/usr/bin/env bash
# One device call for kernels v42 (persistent short-sequence entries: int8-half at D = 64 and 128,
# int8-plus's and int8+qsum's at D = 64 in place of their one-warpgroup ones; the producer's
# empty-stage wait folded): kcheck run 79 (../2026-12-02-h200-persistent-v42/v42ab.sh: the
# entries checked on long tile walks and timed against v41's), a quick selftest (every entry,
# both D, against the Java emulation), the paper's grid with PyTorch's SDPA beside it, and
# compute-sanitizer racecheck and memcheck over a quick selftest of the changed entries. Its
# outputs are this folder.
set -u
source kernels/tools/device-steps.sh v42
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step kcheck79 170 env OUT="$w" bash results/2026-12-02-h200-persistent-v42/v42ab.sh
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 46
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in racecheck memcheck; do
  for dd in 64 128; do
    left=$(( 585 - ($(date +%s) - start) ))
    [ "$left" -gt 20 ] || break
    m=$([ $dd = 64 ] && echo int8-half,int8-plus,int8+qsum || echo int8-half,fp16,fp8-native)
    step sanitizer-$tool-d$dd $(( left < 60 ? left : 60 )) compute-sanitizer --tool $tool --target-processes all \
      --print-limit 50 "$java" -jar "$jar" selftest --quick --no-timing-check --seed 13 --method $m --head-dim $dd
  done
done
cat "$w/steps.txt"
tail -n 40 "$w/kcheck79.log"
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
