#!/usr/bin/env bash
# One device call for kernels v33 (TMA loads in the warp-specialized producer): info, the full
# selftest (every entry at both D, N up to 4096, causal both ways, the device quantizers, the
# timing check), the paper's grid with PyTorch's SDPA beside it, then compute-sanitizer memcheck
# and racecheck over a quick selftest of each warp-specialized kernel family.
set -u
source kernels/tools/device-steps.sh v33
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step info 30 bash scripts/gpu-run.sh info
step selftest 250 bash scripts/gpu-run.sh selftest --seed 33
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
bash scripts/gpu-run.sh --version > /dev/null 2>&1  # unpacks the runtime the sanitizer wraps
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in memcheck racecheck; do
  step "sanitizer-$tool" 110 compute-sanitizer --tool "$tool" --target-processes all --print-limit 50 \
    "$java" -jar "$jar" selftest --quick --no-timing-check --seed 7 \
    --method fp16,fp8-native,int8-half,int8,int8-plus --head-dim 64,128
done
cat "$w/steps.txt"
grep -h "passed, .* failed\|timing:" "$w/selftest.log" | tail -3
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
