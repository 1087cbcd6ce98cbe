#!/usr/bin/env bash
# The device call of kcheck run 66 (see NOTES.md): s_k in each thread's key order within every
# 64-key group (cand, kernels/candidates/sk_order.diff) against v36 (base): cand checked (main and
# short entries, and its compute_80 PTX on the mma.sync path), then the INT8 Q·Kᵀ methods timed
# interleaved at both D (main entries), then the short entries at D=64, N=1k, interleaved.
set -u
CHECK="cand" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods int8,int8plus,int8half" \
  bash kernels/tools/ab.sh run base cand
o=kernels/tools/out
t0=$(date +%s); timeout 150 $o/kcheck_cand --no-perf --short > "$OUT/ab/check_cand_short.txt" 2>&1
echo "check cand --short: rc=$?, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$OUT/ab/check_cand_short.txt")"
t0=$(date +%s)
timeout 200 $o/kcheck_cand80 --no-perf --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus \
  > "$OUT/ab/check_cand80.txt" 2>&1
echo "check cand80: rc=$?, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$OUT/ab/check_cand80.txt")"
tar -C "$OUT" -czf "$OUT/ab.tar.gz" ab
m=int8,int8u8p,int8qsum,int8plus,int8half
for round in 1 2; do
  for b in base cand; do
    timeout 60 $o/kcheck_$b --no-check --reps 15 --perf-methods $m --perf-d 64 --perf-n 1024 --short \
      > "$OUT/ab/short_${b}_$round.txt" 2>&1
  done
done
tar -C "$OUT" -czf "$OUT/ab.tar.gz" ab
echo "== short entries at D=64, N=1k (TFLOP/s; base / cand, round 1 and 2)"
for f in "$OUT"/ab/short_*.txt; do
  b=$(basename "$f" .txt)
  grep -h "^perf" "$f" | grep -v quantize | awk -v b="$b" '{print $2, $3, $4, b, $7}'
done | sort
