#!/usr/bin/env bash
# kcheck run 79 (TUNING.md v42): the persistent short-sequence entries of v42 against v41's
# entries, in one binary each (kernels/tools/out/kcheck.tar.xz): kcheck_v41 is the shipped v41
# (fcfd51b), kcheck_v42 the v42 tree. Checks: every v42 short entry (both D) against its
# emulation, on the default grid and with KCHECK_GRID=7 (long tile walks), and every v42 main
# entry. Timing, two interleaved rounds, B = 4, H = 32, non-causal:
#   v41 = v41's main entries, v41s = v41's short entries (--short), v42s = v42's short entries.
# D = 64: int8half (new short entry), int8plus and int8qsum (short entry now persistent) at
# N = 1k ... 16k; D = 128: int8half (new), fp16 and fp8native (v41's persistent entries, whose
# producer v42 refolds) at 1k and 2k.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/ab42
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
check() {  # NAME ARGS...
  local name=$1; shift
  timeout 150 "$@" --no-perf > "$d/check_$name.txt" 2>&1
  echo "check $name rc=$?: $(grep '== correctness' "$d/check_$name.txt")"
}
check v42_short $out/kcheck_v42 --short
KCHECK_GRID=7 check v42_short_g7 $out/kcheck_v42 --short
check v42_main $out/kcheck_v42
perf() {  # TAG BINARY D N METHODS [--short]
  local tag=$1 bin=$2 dd=$3 n=$4 m=$5; shift 5
  $out/kcheck_$bin --no-check --reps 15 --perf-methods "$m" --perf-d "$dd" --perf-n "$n" "$@" \
    > "$d/perf_${tag}_d${dd}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 1024 2048 4096 8192 16384; do
    perf v41 v41 64 $n int8half,int8plus,int8qsum
    [ $n -le 2048 ] && perf v41s v41 64 $n int8plus,int8qsum --short
    perf v42s v42 64 $n int8half,int8plus,int8qsum --short
  done
  for n in 1024 2048; do
    perf v41 v41 128 $n int8half,fp16,fp8native
    perf v41s v41 128 $n fp16,fp8native --short
    perf v42s v42 128 $n int8half,fp16,fp8native --short
  done
done
tar -C "$OUT" -czf "$OUT/ab42.tar.gz" ab42
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k3,3
