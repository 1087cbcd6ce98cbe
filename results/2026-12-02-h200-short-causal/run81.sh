#!/usr/bin/env bash
# kcheck run 81 (H200): run 80's causal comparison beyond the N it covered, for the entries that
# won there at its largest N: the persistent short entries (int8-half, int8-plus, int8+qsum at
# D = 64 up to 16k; fp16, fp8-native, int8-half at D = 128 from 4k to 16k) and fp8-native's
# one-warpgroup D = 64 entry at 2k again. Binary: kcheck_v42c of run 80. B = 4, H = 32, median of
# 15, two rounds, causal (TFLOP/s halved for the mask).
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run81
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
perf() {  # TAG D N METHODS [ARGS...]
  local tag=$1 dd=$2 n=$3 m=$4; shift 4
  $out/kcheck_v42c --no-check --reps 15 --perf-causal --perf-methods "$m" --perf-d "$dd" --perf-n "$n" "$@" \
    > "$d/perf_${tag}_d${dd}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 8192 16384; do
    perf cmain 64 $n int8half,int8plus,int8qsum
    perf cshort 64 $n int8half,int8plus,int8qsum --short
  done
  perf cmain 64 2048 fp8native
  perf cshort 64 2048 fp8native --short
  for n in 4096 8192 16384; do
    perf cmain 128 $n fp16,fp8native,int8half
    perf cshort 128 $n fp16,fp8native,int8half --short
  done
done
tar -C "$OUT" -czf "$OUT/run81.tar.gz" run81
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k3,3
