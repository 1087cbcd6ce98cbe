#!/usr/bin/env bash
# One device call for v26 (the per-token quantizer with 16-byte loads; int8-plus/int8+qsum short
# entries up to 16k): kcheck check of q26, the quantize stages of q25 (old quantizer) and q26 timed
# interleaved, the quick selftest at both D (device quantizers byte-identical to the host's),
# memcheck over it, reproduce with the PyTorch peer, and the causal bench.
set -u
w=$OUT/w; mkdir -p "$w"
pack() { tar -C "$OUT" -czf "$OUT/v26.tar.gz" w; }
step() { local name=$1 t=$2; shift 2; local s=$(date +%s); timeout "$t" "$@" > "$w/$name.log" 2>&1; echo "$name rc=$? $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"; pack; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$w/smi.txt" 2>&1
export ATTN_BENCH_JAVA_OPTS=-Xmx48g
step check-q26 120 env OUT="$w/check" CHECK=q26 PERF_ARGS="--perf-d 64 --perf-n 1024 --perf-methods fp16" bash kernels/tools/ab.sh run q26
for dn in "64 1024" "64 4096" "64 16384" "128 1024" "128 16384"; do
  set -- $dn
  step ab-d$1-n$2 90 env OUT="$w/ab_d$1_n$2" PERF_ARGS="--perf-d $1 --perf-n $2 --perf-methods fp16,int8,int8plus" bash kernels/tools/ab.sh run q25 q26
done
step info 30 bash scripts/gpu-run.sh info
step selftest-quick 120 bash scripts/gpu-run.sh selftest --quick --seed 13
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java; jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
step sanitizer-memcheck 120 compute-sanitizer --tool memcheck --target-processes all --print-limit 50 "$java" -jar "$jar" selftest --quick --seed 7 --method int8,int8-plus,int8-half --head-dim 64,128
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
step causal 120 bash scripts/gpu-run.sh bench --causal true --method fp16,int8-half,int8,int8-plus,fp8-native --seq-len 1024,4096,16384 --head-dim 64,128 --out "$w/causal"
cat "$w/steps.txt"
grep -h "== correctness" "$w/check-q26.log"
for f in "$w"/ab-*.log; do grep -h "quantize" "$w/ab_$(basename $f .log | cut -c4- | sed 's/-/_/')/ab/"perf_q2*_2.txt 2>/dev/null | sed "s|^|$(basename $f .log) |"; done
grep -h "passed, .* failed\|timing:\|FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|passed, .* failed" "$w/sanitizer-memcheck.log"
grep -h "^| int8 speedup over fp16 |\|int8-plus speedup over fp16 |" "$w/reproduce/REPORT.md"
