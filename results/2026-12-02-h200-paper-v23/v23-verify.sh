#!/usr/bin/env bash
# One device call verifying kernels v23 (short-sequence entries at D=64): info, selftest at D=64
# (every entry), sanitizers over the entries that changed, reproduce with the PyTorch peer.
set -u
w=$OUT/w; mkdir -p "$w"
pack() { tar -C "$OUT" -czf "$OUT/v23.tar.gz" w; }
step() { local name=$1 t=$2; shift 2; local s=$(date +%s); timeout "$t" "$@" > "$w/$name.log" 2>&1; echo "$name rc=$? $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"; pack; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$w/smi.txt" 2>&1
export ATTN_BENCH_JAVA_OPTS=-Xmx48g
step info 30 bash scripts/gpu-run.sh info
step selftest-d64 170 bash scripts/gpu-run.sh selftest --seed 42 --head-dim 64
java=${ATTN_BENCH_TMP:-/tmp}/rt/runtime/bin/java; jar=${ATTN_BENCH_TMP:-/tmp}/attn-bench.jar
for tool in memcheck racecheck; do
  step sanitizer-$tool 70 compute-sanitizer --tool $tool --target-processes all --print-limit 50 "$java" -jar "$jar" selftest --quick --seed 7 --method fp16,fp8-native,int8-plus,int8+qsum --head-dim 64
done
step reproduce 270 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
cat "$w/steps.txt"
grep -h "passed, .* failed" "$w"/selftest-*.log "$w"/sanitizer-*.log
grep -h "^FAIL" "$w"/selftest-*.log | head
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
grep -h "_short" "$w/info.log"
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
