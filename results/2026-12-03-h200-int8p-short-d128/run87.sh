#!/usr/bin/env bash
# kcheck run 87 (H200), after run 86: is the one loop of rounds (AttnTraits::kRoundsInOneLoop)
# faster by itself? kcheck_v45one is v45 with oneloop.diff: the INT8-P kernels' main entries at
# D = 128 take one loop too (no spills at sm_90a). Checks: the main entries of kcheck_v45one.
# Timing: B = 4, H = 32, D = 128, median of 15, two rounds, N = 1k … 16k: v45 main, v45 short
# (persistent), v45one main; causal at 4k and 16k: v45 main, v45one main, v45 short.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run87
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
m=int8,int8u8p,int8qsum,int8plus
timeout 150 $out/kcheck_v45one --no-perf --check-methods $m > "$d/check_v45one.txt" 2>&1
echo "check v45one rc=$?: $(grep '== correctness' "$d/check_v45one.txt")"
perf() {  # TAG BINARY N [ARGS...]
  local tag=$1 bin=$2 n=$3; shift 3
  $out/kcheck_$bin --no-check --reps 15 --perf-methods $m --perf-d 128 --perf-n "$n" "$@" \
    > "$d/perf_${tag}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 1024 2048 4096 8192 16384; do
    perf main v45 $n
    perf short v45 $n --short
    perf one v45one $n
  done
  for n in 4096 16384; do
    perf cmain v45 $n --perf-causal
    perf cshort v45 $n --perf-causal --short
    perf cone v45one $n --perf-causal
  done
done
tar -C "$OUT" -czf "$OUT/run87.tar.gz" run87
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2n -k1,1
