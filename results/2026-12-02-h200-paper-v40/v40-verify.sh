#!/usr/bin/env bash
# One device call for kernels v40 (fp8-native's P̃·V whole at D = 128, int8-half without v39's
# register-saving forms; the same bits as v39; bundle of 4a81de9): the full selftest (every entry
# at both D against the Java emulation), the paper's grid with PyTorch's SDPA beside it (the
# README's figures), the causal bench, kcheck of the compute_80 PTX (the mma.sync path,
# JIT-compiled, whose int8-half D = 128 entry v40 changed too; fp8-native has no path below
# sm_89), kcheck run 74 (below), and compute-sanitizer racecheck and memcheck over a quick
# selftest of the two entries v40 changed. Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v40
start=$(date +%s)
smi
cp "$w/smi.txt" "$w/smi-start.txt"
step selftest 260 bash scripts/gpu-run.sh selftest --seed 41
step reproduce 120 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
step causal 60 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --causal true --out "$w/causal"
step kcheck-80 70 bash -c 'tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz && kernels/tools/out/kcheck_v40_80 --no-perf --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus'
# kcheck run 74: int8 at D = 128 without v39's register-saving forms too (i8loose, the working
# tree on 4a81de9), checked, then timed against v40 (kernels/tools/ab.sh; its logs inside w).
step ab74 90 env OUT="$w/run74" CHECK="i8loose" PERF_ARGS="--perf-methods int8,int8plus,fp16 --perf-d 128" \
  bash kernels/tools/ab.sh run v40 i8loose
bash scripts/gpu-run.sh --version > /dev/null 2>&1
for tool in racecheck memcheck; do
  left=$(( 590 - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  step sanitizer-$tool $(( left < 60 ? left : 60 )) compute-sanitizer --tool $tool --target-processes all --print-limit 50 \
    ${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java -jar ${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar selftest --quick \
    --no-timing-check --seed 12 --method fp8-native,int8-half --head-dim 128
done
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w/selftest.log" | tail -1
grep -h "^FAIL" "$w/selftest.log" | head
grep -h "== correctness" "$w/kcheck-80.log"
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY\|passed, .* failed" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
grep -h "16384  128 true" "$w/causal.log"
tail -n 7 "$w/ab74.log"
