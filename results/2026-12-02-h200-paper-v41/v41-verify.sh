#!/usr/bin/env bash
# One device call for kernels v41 (fp16's and fp8-native's D = 128 short-sequence entries, up to
# N = 1024: the main entry in persistent blocks, TileWalk): kcheck run 78
# (../2026-12-02-h200-persistent-q2/pers3.sh: the spill-free persistent form against v40, checked
# with long tile walks), a quick selftest (every entry, both D, against the Java emulation), the
# paper's grid with PyTorch's SDPA beside it, and compute-sanitizer racecheck and memcheck over a
# quick selftest of the two new entries. Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v41
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step kcheck78 100 env OUT="$w" bash results/2026-12-02-h200-persistent-q2/pers3.sh
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 45
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
for tool in racecheck memcheck; do
  left=$(( 585 - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  step sanitizer-$tool $(( left < 60 ? left : 60 )) compute-sanitizer --tool $tool --target-processes all --print-limit 50 \
    ${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java -jar ${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar selftest --quick \
    --no-timing-check --seed 12 --method fp16,fp8-native --head-dim 128
done
cat "$w/steps.txt"
tail -n 30 "$w/kcheck78.log"
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
