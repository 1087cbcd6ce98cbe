#!/usr/bin/env bash
# The one device call of kcheck run 61 (see NOTES.md): s_k by one bulk copy from a padded
# [B,H,Npad] layout (cand) against v34 (base), checked, then timed interleaved; cand's short
# entries and its sm_80 PTX (the mma.sync path, JIT-compiled; fp8native is a trapping stub there)
# checked; then, for the short entries' N bounds, cand's short and main entries at D=64 timed at
# N = 1k, 2k, 4k, 8k, interleaved, twice.
set -u
CHECK="cand" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods fp16,int8,int8plus,int8half" \
  bash kernels/tools/ab.sh run base cand
o=kernels/tools/out
t0=$(date +%s); timeout 150 $o/kcheck_cand --no-perf --short > "$OUT/ab/check_cand_short.txt" 2>&1
echo "check cand --short: rc=$?, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$OUT/ab/check_cand_short.txt")"
t0=$(date +%s)
timeout 200 $o/kcheck_cand80 --no-perf --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus \
  > "$OUT/ab/check_cand80.txt" 2>&1
echo "check cand80: rc=$?, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$OUT/ab/check_cand80.txt")"
tar -C "$OUT" -czf "$OUT/ab.tar.gz" ab
m=fp16,fp8native,int8,int8u8p,int8qsum,int8plus
for round in 1 2; do
  for n in 1024 2048 4096 8192; do
    timeout 60 $o/kcheck_cand --no-check --reps 15 --perf-methods $m --perf-d 64 --perf-n $n \
      > "$OUT/ab/bound_main_${n}_$round.txt" 2>&1
    timeout 60 $o/kcheck_cand --no-check --reps 15 --perf-methods $m --perf-d 64 --perf-n $n --short \
      > "$OUT/ab/bound_short_${n}_$round.txt" 2>&1
  done
  tar -C "$OUT" -czf "$OUT/ab.tar.gz" ab
done
echo "== short entries at D=64 (TFLOP/s; main / short, round 1 and 2)"
for f in "$OUT"/ab/bound_*.txt; do
  b=$(basename "$f" .txt)
  grep -h "^perf" "$f" | grep -v quantize | awk -v b="$b" '{print b, $2, $3, $4, $7}'
done | sort -k2,2 -k4,4 -k1,1
