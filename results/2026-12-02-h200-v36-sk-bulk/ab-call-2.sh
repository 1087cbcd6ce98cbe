#!/usr/bin/env bash
# The second device call (kcheck run 62, see NOTES.md): cand2 = cand with the producer's key-block
# loop kept rolled (`#pragma unroll 1`) and every INT8-P short bound at 1024, checked (main and
# short entries), then base (v34), cand and cand2 timed interleaved, twice, for every method whose
# producer code changed.
set -u
CHECK="cand2" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods fp16,int8,int8plus,int8half,fp8native" \
  bash kernels/tools/ab.sh run base cand cand2
o=kernels/tools/out
t0=$(date +%s); timeout 150 $o/kcheck_cand2 --no-perf --short > "$OUT/ab/check_cand2_short.txt" 2>&1
echo "check cand2 --short: rc=$?, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$OUT/ab/check_cand2_short.txt")"
tar -C "$OUT" -czf "$OUT/ab.tar.gz" ab
