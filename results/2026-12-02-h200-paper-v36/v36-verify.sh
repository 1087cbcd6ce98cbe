#!/usr/bin/env bash
# One device call for kernels v36 (s_k in a padded [B,H,Npad] layout, loaded as one bulk copy; the
# Java upload and device quantizer write that layout): the full selftest (every entry at both D, N
# up to 4096, causal both ways, against the Java emulation; the device quantizers against the host
# ones byte for byte), the paper's grid with PyTorch's SDPA beside it, then compute-sanitizer
# memcheck and racecheck over a quick selftest of each kernel family. The mma.sync path (compute_80
# PTX) was checked by kcheck in run 61 (results/2026-12-02-h200-v36-sk-bulk). Its outputs are this
# folder.
set -u
source kernels/tools/device-steps.sh v36
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step info 30 bash scripts/gpu-run.sh info
step selftest 250 bash scripts/gpu-run.sh selftest --seed 36
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
bash scripts/gpu-run.sh --version > /dev/null 2>&1  # unpacks the runtime the sanitizer wraps
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
sanitize() {
  step "sanitizer-$1" "$2" compute-sanitizer --tool "$1" --target-processes all --print-limit 50 \
    "$java" -jar "$jar" selftest --quick --no-timing-check --seed 7 \
    --method fp16,fp8-native,int8-half,int8,int8-plus --head-dim 64,128
}
sanitize memcheck 60
# kcheck run 65: v36's quantizer (32-bit row division, none for Q) against v34's, cold, interleaved
# (carrying kernels/tools/out; the perf quantize lines of ab/perf_*).
step kcheck-quantize 60 env PERF_ARGS="--perf-methods int8,int8plus" bash kernels/tools/ab.sh run base cand5
mv "$OUT/ab.tar.gz" "$w/kcheck-quantize.tar.gz" && rm -rf "$OUT/ab" && pack
sanitize racecheck $(( 585 - ($(date +%s) - start) ))
cat "$w/steps.txt"
grep -h "passed, .* failed\|timing:" "$w/selftest.log" | tail -3
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
tar -xzOf "$w/kcheck-quantize.tar.gz" --wildcards 'ab/perf_*_1.txt' | grep "perf quantize"
