#!/usr/bin/env bash
# kcheck run 80 (H200): every short-sequence entry against its main entry under causal masking,
# since every short entry's N bound was measured non-causal (runs 61, 78, 79) and the host picks
# the entry by N alone; and run 79's two unsure points again, in the other order. One binary for the
# first: kcheck_v42c is v42's kernels (a7481fd) with kcheck's --perf-causal. kcheck_v41 is v41 as
# shipped (fcfd51b). Every timing: B = 4, H = 32, median of 15, two rounds.
#   causal: main = kcheck_v42c, short = kcheck_v42c --short, at D = 64 N = 1k, 2k, 4k and at
#           D = 128 N = 1k, 2k (TFLOP/s halved for the mask);
#   order:  non-causal, v42's short entries first, then v41's main and short ones: int8half,
#           int8plus, int8qsum at D = 64, N = 4k, and fp16, fp8native at D = 128, N = 1k.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run80
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
perf() {  # TAG BINARY D N METHODS [ARGS...]
  local tag=$1 bin=$2 dd=$3 n=$4 m=$5; shift 5
  $out/kcheck_$bin --no-check --reps 15 --perf-methods "$m" --perf-d "$dd" --perf-n "$n" "$@" \
    > "$d/perf_${tag}_d${dd}_n${n}_$round.txt" 2>&1
}
m64=fp16,fp8native,int8,int8u8p,int8half,int8plus,int8qsum
m128=fp16,fp8native,int8half
for round in 1 2; do
  for n in 1024 2048 4096; do
    perf cmain v42c 64 $n $m64 --perf-causal
    perf cshort v42c 64 $n $m64 --perf-causal --short
  done
  for n in 1024 2048; do
    perf cmain v42c 128 $n $m128 --perf-causal
    perf cshort v42c 128 $n $m128 --perf-causal --short
  done
  perf v42s v42c 64 4096 int8half,int8plus,int8qsum --short
  perf v41 v41 64 4096 int8half,int8plus,int8qsum
  perf v42s v42c 128 1024 fp16,fp8native --short
  perf v41s v41 128 1024 fp16,fp8native --short
  perf v41 v41 128 1024 fp16,fp8native
done
tar -C "$OUT" -czf "$OUT/run80.tar.gz" run80
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k3,3
