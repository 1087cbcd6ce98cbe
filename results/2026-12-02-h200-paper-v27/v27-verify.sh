#!/usr/bin/env bash
# One device call for v27 (q27: per-token quantizer without the loop, V8t tile padded): kcheck
# check of q27, the three quantizers (q25 v25's, q26, q27) timed cold and interleaved, the quick
# selftest at both D (device quantizers byte-identical to the host's), memcheck, reproduce.
set -u
w=$OUT/w; mkdir -p "$w"
pack() { tar -C "$OUT" -czf "$OUT/v27.tar.gz" w; }
step() { local name=$1 t=$2; shift 2; local s=$(date +%s); timeout "$t" "$@" > "$w/$name.log" 2>&1; echo "$name rc=$? $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"; pack; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$w/smi.txt" 2>&1
export ATTN_BENCH_JAVA_OPTS=-Xmx48g
step check-q27 120 env OUT="$w/check" CHECK=q27 PERF_ARGS="--perf-d 64 --perf-n 1024 --perf-methods fp16" bash kernels/tools/ab.sh run q27
for dn in "64 1024" "64 4096" "64 16384" "128 1024" "128 16384"; do
  set -- $dn
  step ab-d$1-n$2 90 env OUT="$w/ab_d$1_n$2" PERF_ARGS="--perf-d $1 --perf-n $2 --perf-methods fp16,int8,int8plus" bash kernels/tools/ab.sh run q25 q26 q27
done
step info 30 bash scripts/gpu-run.sh info
step selftest-quick 120 bash scripts/gpu-run.sh selftest --quick --seed 17
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java; jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
step sanitizer-memcheck 120 compute-sanitizer --tool memcheck --target-processes all --print-limit 50 "$java" -jar "$jar" selftest --quick --seed 7 --method int8,int8-plus,int8-half --head-dim 64,128
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
cat "$w/steps.txt"
grep -h "== correctness" "$w/check-q27.log"
for dn in d64_n1024 d64_n4096 d64_n16384 d128_n1024 d128_n16384; do for b in q25 q26 q27; do echo "$dn $b $(grep -h 'quantize(int8)' $w/ab_$dn/ab/perf_${b}_2.txt)"; done; done
grep -h "passed, .* failed\|timing:\|FAIL" "$w/selftest-quick.log" | head
grep -h "ERROR SUMMARY\|passed, .* failed" "$w/sanitizer-memcheck.log"
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
