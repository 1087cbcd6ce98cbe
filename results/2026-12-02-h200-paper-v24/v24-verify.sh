#!/usr/bin/env bash
# One device call for kernels v24 (the plain wgmma schedule's later copies; short entries for int8,
# int8+u8p, int8-half): kcheck A/B of the one-warpgroup shape before and after, then the Java
# selftest at D=64 (every entry), reproduce with the PyTorch peer, and the sanitizers.
set -u
w=$OUT/w; mkdir -p "$w"
pack() { tar -C "$OUT" -czf "$OUT/v24.tar.gz" w; }
step() { local name=$1 t=$2; shift 2; local s=$(date +%s); timeout "$t" "$@" > "$w/$name.log" 2>&1; echo "$name rc=$? $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"; pack; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$w/smi.txt" 2>&1
export ATTN_BENCH_JAVA_OPTS=-Xmx48g
for n in 1024 2048 4096 8192; do
  step ab-$n 40 env OUT="$w/ab_$n" PERF_ARGS="--perf-d 64 --perf-n $n" bash kernels/tools/ab.sh run v23 g1old g1new
done
step info 30 bash scripts/gpu-run.sh info
step selftest-d64 120 bash scripts/gpu-run.sh selftest --seed 42 --head-dim 64
step reproduce 120 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java; jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in memcheck racecheck; do
  step sanitizer-$tool 70 compute-sanitizer --tool $tool --target-processes all --print-limit 50 "$java" -jar "$jar" selftest --quick --seed 7 --method fp16,int8,int8-half --head-dim 64
done
cat "$w/steps.txt"
for n in 1024 2048 4096 8192; do grep -v "^check" "$w/ab-$n.log" | grep -v fp8e; done
grep -h "passed, .* failed" "$w"/selftest-*.log "$w"/sanitizer-*.log
grep -h "^FAIL" "$w"/selftest-*.log | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
