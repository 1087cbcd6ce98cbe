#!/usr/bin/env bash
# One device call for kernels v39 (Bc = 128 at D = 128 for fp16 and fp8-native, a contract
# change; bundle of 332b3c7): the full selftest (every entry at both D against the Java emulation,
# which now blocks keys by 128 at D = 128 for every method but the widened FP8 ones), the paper's
# grid with PyTorch's SDPA beside it (the README's figures), the causal bench, kcheck of the
# compute_80 PTX (the mma.sync path, JIT-compiled; fp8-native has no path below sm_89), and
# compute-sanitizer racecheck and memcheck over a quick selftest of the entries v39 changed.
# Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v39
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step selftest 260 bash scripts/gpu-run.sh selftest --seed 40
step reproduce 120 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
step causal 60 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal"
step kcheck-80 70 bash -c 'tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz && kernels/tools/out/kcheck_v39r_80 --no-perf --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus'
bash scripts/gpu-run.sh --version > /dev/null 2>&1
for tool in racecheck memcheck; do
  left=$(( 590 - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  step sanitizer-$tool $(( left < 60 ? left : 60 )) compute-sanitizer --tool $tool --target-processes all --print-limit 50 \
    ${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java -jar ${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar selftest --quick \
    --no-timing-check --seed 11 --method fp16,fp8-native,int8,int8-plus,int8-half --head-dim 128
done
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w/selftest.log" | tail -1
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "== correctness" "$w/kcheck-80.log"
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
grep -h "16384  128 true" "$w/causal.log"
