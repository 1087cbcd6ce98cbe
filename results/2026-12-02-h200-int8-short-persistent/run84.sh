#!/usr/bin/env bash
# kcheck run 84 (H200): int8's and int8+u8p's D = 64 short entries in persistent blocks (int8p.h)
# against v43's one-warpgroup short entries and main entries. kcheck_int8p is v43's kernels with
# -include int8p.h; kcheck_v43 the shipped v43. Checks: every short entry of kcheck_int8p against
# its emulation, on the default grid and with KCHECK_GRID=7. Timing: B = 4, H = 32, D = 64, median
# of 15, two rounds, non-causal and causal, N = 1k, 2k, 4k: v43 main, v43 short, int8p short.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run84
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
timeout 150 $out/kcheck_int8p --short --no-perf > "$d/check_int8p_short.txt" 2>&1
echo "check int8p --short rc=$?: $(grep '== correctness' "$d/check_int8p_short.txt")"
KCHECK_GRID=7 timeout 150 $out/kcheck_int8p --short --no-perf --check-methods int8,int8u8p \
  > "$d/check_int8p_short_g7.txt" 2>&1
echo "check int8p --short grid 7 rc=$?: $(grep '== correctness' "$d/check_int8p_short_g7.txt")"
perf() {  # TAG BINARY N [ARGS...]
  local tag=$1 bin=$2 n=$3; shift 3
  $out/kcheck_$bin --no-check --reps 15 --perf-methods int8,int8u8p --perf-d 64 --perf-n "$n" "$@" \
    > "$d/perf_${tag}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 1024 2048 4096; do
    perf v43 v43 $n
    perf v43s v43 $n --short
    perf int8ps int8p $n --short
    perf cv43 v43 $n --perf-causal
    perf cv43s v43 $n --perf-causal --short
    perf cint8ps int8p $n --perf-causal --short
  done
done
tar -C "$OUT" -czf "$OUT/run84.tar.gz" run84
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k1,1
