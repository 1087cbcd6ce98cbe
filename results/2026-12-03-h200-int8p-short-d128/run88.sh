#!/usr/bin/env bash
# kcheck run 88 (H200), after run 87 (one loop of rounds: int8-plus +11% at D = 128, 16k): the
# FP16 side of the ratio. kcheck_v45all is v45 with oneloop_all.diff: every kernel with 128-key
# blocks at D = 128 (fp16, fp8-native, int8-half too) takes one loop, main and short entries (no
# spills at sm_90a). Checks: fp16, fp8native, int8half of kcheck_v45all, both entries. Timing:
# B = 4, H = 32, D = 128, median of 15, two rounds, N = 1k … 16k: v45 and v45all, main and short
# entries; causal at 4k and 16k, main entries.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run88
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
m=fp16,fp8native,int8half
timeout 150 $out/kcheck_v45all --no-perf --check-methods $m > "$d/check_v45all.txt" 2>&1
echo "check v45all rc=$?: $(grep '== correctness' "$d/check_v45all.txt")"
timeout 150 $out/kcheck_v45all --short --no-perf --check-methods $m > "$d/check_v45all_short.txt" 2>&1
echo "check v45all --short rc=$?: $(grep '== correctness' "$d/check_v45all_short.txt")"
perf() {  # TAG BINARY N [ARGS...]
  local tag=$1 bin=$2 n=$3; shift 3
  $out/kcheck_$bin --no-check --reps 15 --perf-methods $m --perf-d 128 --perf-n "$n" "$@" \
    > "$d/perf_${tag}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 1024 2048 4096 8192 16384; do
    perf main v45 $n
    perf all v45all $n
    perf short v45 $n --short
    perf allshort v45all $n --short
  done
  for n in 4096 16384; do
    perf cmain v45 $n --perf-causal
    perf call v45all $n --perf-causal
  done
done
tar -C "$OUT" -czf "$OUT/run88.tar.gz" run88
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2n -k1,1
