#!/usr/bin/env bash
# kcheck run 86 (H200): the INT8-P kernels' short-sequence entries at D = 128, new in v45 (the main
# entry in persistent blocks with every round in one loop, AttnTraits::kRoundsInOneLoop), against
# their main entries. kcheck_v45 is the working tree of v45. Checks: every short entry of the four
# INT8-P kernels at both D, on the default grid and with KCHECK_GRID=7. Timing: B = 4, H = 32,
# D = 128, median of 15, two rounds, non-causal and causal, N = 1k, 2k, 4k: main, short.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run86
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
m=int8,int8u8p,int8qsum,int8plus
timeout 150 $out/kcheck_v45 --short --no-perf --check-methods $m > "$d/check_short.txt" 2>&1
echo "check --short rc=$?: $(grep '== correctness' "$d/check_short.txt")"
KCHECK_GRID=7 timeout 150 $out/kcheck_v45 --short --no-perf --check-methods $m > "$d/check_short_g7.txt" 2>&1
echo "check --short grid 7 rc=$?: $(grep '== correctness' "$d/check_short_g7.txt")"
perf() {  # TAG N [ARGS...]
  local tag=$1 n=$2; shift 2
  $out/kcheck_v45 --no-check --reps 15 --perf-methods $m --perf-d 128 --perf-n "$n" "$@" \
    > "$d/perf_${tag}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 1024 2048 4096; do
    perf main $n
    perf short $n --short
    perf cmain $n --perf-causal
    perf cshort $n --perf-causal --short
  done
done
tar -C "$OUT" -czf "$OUT/run86.tar.gz" run86
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k1,1
