#!/usr/bin/env bash
# One device call for kernels v38 (Bc = 128 at D = 128 for the INT8 Q·Kᵀ kernels, a contract
# change): kcheck run 69 (v38 checked against its emulation, then timed against v37 interleaved,
# both D), the full selftest (every entry at both D against the Java emulation, which now blocks
# keys by 128 at D = 128 for those methods), the paper's grid with PyTorch's SDPA beside it,
# kcheck of the compute_80 PTX (the mma.sync path, JIT-compiled), and compute-sanitizer memcheck
# over a quick selftest if the time left allows. Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v38
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step kcheck 150 env CHECK="v38" CHECK_TIMEOUT=60 PERF_ARGS="--perf-methods int8,int8plus,int8half" \
  bash kernels/tools/ab.sh run base v38
mv "$OUT/ab.tar.gz" "$w/kcheck.tar.gz"; pack
step selftest 250 bash scripts/gpu-run.sh selftest --seed 38
step reproduce 110 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
left=$(( 575 - ($(date +%s) - start) ))
step kcheck-80 $(( left < 90 ? left : 90 )) kernels/tools/out/kcheck_v38_80 --no-perf \
  --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus
bash scripts/gpu-run.sh --version > /dev/null 2>&1
left=$(( 585 - ($(date +%s) - start) ))
if [ "$left" -gt 20 ]; then
  step sanitizer-memcheck "$left" compute-sanitizer --tool memcheck --target-processes all --print-limit 50 \
    ${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java -jar ${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar selftest --quick \
    --no-timing-check --seed 7 --method int8,int8-plus,int8-half --head-dim 128
fi
cat "$w/steps.txt"
grep -h "^== \|D=128\|D=64" "$w/kcheck.log" | tail -40
grep -h "passed, .* failed" "$w/selftest.log" | tail -1
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "== correctness" "$w/kcheck-80.log"
grep -h "ERROR SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
