#!/usr/bin/env bash
# One device call for kernels v34 (the 8-bit P̃·V fold as one FFMA; a contract change, so the Java
# emulation changed with the kernels): the full selftest (every entry at both D, N up to 4096, causal
# both ways, against the Java emulation), the paper's grid with PyTorch's SDPA beside it, kcheck of
# the compute_80 PTX (the mma.sync path, JIT-compiled; fp8native left out: a trapping stub below
# sm_89), then compute-sanitizer memcheck and racecheck over a quick selftest of each kernel family.
# Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v34
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step info 30 bash scripts/gpu-run.sh info
step selftest 250 bash scripts/gpu-run.sh selftest --seed 35
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step kcheck-sm80 100 kernels/tools/out/kcheck_ffma80 --no-perf \
  --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus
bash scripts/gpu-run.sh --version > /dev/null 2>&1  # unpacks the runtime the sanitizer wraps
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java
jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
sanitize() {
  step "sanitizer-$1" "$2" compute-sanitizer --tool "$1" --target-processes all --print-limit 50 \
    "$java" -jar "$jar" selftest --quick --no-timing-check --seed 7 \
    --method fp16,fp8-native,int8-half,int8,int8-plus --head-dim 64,128
}
sanitize memcheck 60
sanitize racecheck $(( 585 - ($(date +%s) - start) ))
cat "$w/steps.txt"
grep -h "passed, .* failed\|timing:" "$w/selftest.log" | tail -3
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "== correctness" "$w/kcheck-sm80.log"
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
