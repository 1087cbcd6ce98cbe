#!/usr/bin/env bash
# The one device call of kcheck run 58 (see NOTES.md): the FFMA fold (ffma) and FP16's extra K/V
# stages (stg) against v33b (base), checked, then timed interleaved; then ffma's short entries and
# its sm_80 PTX (the mma.sync path, JIT-compiled) checked.
set -u
CHECK="ffma stg" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods fp16,int8,int8plus,fp8native" \
  bash kernels/tools/ab.sh run base stg ffma
o=kernels/tools/out
t0=$(date +%s); timeout 150 $o/kcheck_ffma --no-perf --short > "$OUT/ab/check_ffma_short.txt" 2>&1
echo "check ffma --short: rc=$?, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$OUT/ab/check_ffma_short.txt")"
t0=$(date +%s); timeout 200 $o/kcheck_ffma80 --no-perf > "$OUT/ab/check_ffma80.txt" 2>&1
echo "check ffma80: rc=$?, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$OUT/ab/check_ffma80.txt")"
tar -C "$OUT" -czf "$OUT/ab.tar.gz" ab
