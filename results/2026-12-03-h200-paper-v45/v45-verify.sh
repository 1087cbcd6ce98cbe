#!/usr/bin/env bash
# One device call for kernels v45 (the INT8 Q·Kᵀ kernels at D = 128 with every round in one loop;
# the INT8-P kernels' short-sequence entries at D = 128, persistent, up to 8192 / 16384 causal;
# int8-half's D = 128 short entry up to 2048): kcheck of every entry of v45 (main, short with the
# default grid and with KCHECK_GRID=7's long tile walks), `info`, a quick selftest (every entry,
# both D, causal both ways), the paper's grid with PyTorch's SDPA beside it, v43's causal bench
# again, and compute-sanitizer racecheck and memcheck over a quick selftest of the INT8 Q·Kᵀ
# methods at D = 128 (every entry). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v45
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step kcheck 150 kernels/tools/out/kcheck_v45 --no-perf
step kcheck-short 150 kernels/tools/out/kcheck_v45 --short --no-perf
step kcheck-short-g7 150 env KCHECK_GRID=7 kernels/tools/out/kcheck_v45 --short --no-perf \
  --check-methods int8,int8u8p,int8qsum,int8plus,int8half
step info 60 bash scripts/gpu-run.sh info
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 49
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
step causal 120 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal"
smi
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in racecheck memcheck; do
  left=$(( 585 - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  step sanitizer-$tool-d128 $(( left < 70 ? left : 70 )) compute-sanitizer --tool $tool --target-processes all \
    --print-limit 50 "$java" -jar "$jar" selftest --quick --no-timing-check --seed 15 \
    --method int8,int8-plus,int8-half,int8+u8p,int8+qsum --head-dim 128
done
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
grep -h "kernel" "$w/causal.log" | grep -v "^\[" | grep " 128 " | tail -15
