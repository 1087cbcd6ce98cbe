#!/usr/bin/env bash
# One device call on kernels v38 after e12a1da (quantize.cu writes s_k in sk_position order at
# every N): the full selftest (its quantizer lines now include N = 4096, a multiple of the key
# padding), compute-sanitizer racecheck on v38's D = 128 INT8 kernels (not run on v38 before),
# the causal bench on v38 (../2026-12-02-h200-causal-v36 predates v38's D = 128 kernels), and
# memcheck over the same quick selftest with the time left. Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v38v
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step selftest 260 bash scripts/gpu-run.sh selftest --seed 39
bash scripts/gpu-run.sh --version > /dev/null 2>&1
step sanitizer-racecheck 170 compute-sanitizer --tool racecheck --target-processes all --print-limit 50 \
  ${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java -jar ${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar selftest --quick \
  --no-timing-check --seed 8 --method int8,int8-plus,int8-half --head-dim 128
smi
left=$(( 560 - ($(date +%s) - start) ))
step causal $(( left < 90 ? left : 90 )) bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal"
smi
left=$(( 585 - ($(date +%s) - start) ))
if [ "$left" -gt 20 ]; then
  step sanitizer-memcheck "$left" compute-sanitizer --tool memcheck --target-processes all --print-limit 50 \
    ${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java -jar ${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar selftest --quick \
    --no-timing-check --seed 9 --method int8,int8-plus,int8-half --head-dim 128
fi
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w/selftest.log" | tail -1
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "quantize" "$w/selftest.log" | grep -c "^PASS"
grep -h "quantize.*N=4096" "$w/selftest.log" | head -8
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
tail -30 "$w/causal.log"
