#!/usr/bin/env bash
# kcheck run 82 (H200): the D = 64 one-warpgroup short entries (fp16, fp8-native, int8, int8+u8p)
# as two consumer warpgroups in persistent blocks (g2p.h), against v43's entries. kcheck_g2p is
# v43's kernels with -include g2p.h; kcheck_v43 the shipped v43. Checks: every g2p short entry
# against its emulation, on the default grid and with KCHECK_GRID=7. Timing: B = 4, H = 32,
# non-causal and causal, median of 15, two rounds: v43 main, v43 short, g2p short.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run82
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
timeout 150 $out/kcheck_g2p --short --no-perf > "$d/check_g2p_short.txt" 2>&1
echo "check g2p --short rc=$?: $(grep '== correctness' "$d/check_g2p_short.txt")"
KCHECK_GRID=7 timeout 150 $out/kcheck_g2p --short --no-perf --check-methods fp16,int8,int8u8p,fp8native \
  > "$d/check_g2p_short_g7.txt" 2>&1
echo "check g2p --short grid 7 rc=$?: $(grep '== correctness' "$d/check_g2p_short_g7.txt")"
perf() {  # TAG BINARY N [ARGS...]
  local tag=$1 bin=$2 n=$3; shift 3
  $out/kcheck_$bin --no-check --reps 15 --perf-methods fp16,fp8native,int8,int8u8p --perf-d 64 --perf-n "$n" "$@" \
    > "$d/perf_${tag}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 1024 2048 4096; do
    perf v43 v43 $n
    perf v43s v43 $n --short
    perf g2ps g2p $n --short
    perf cv43 v43 $n --perf-causal
    perf cv43s v43 $n --perf-causal --short
    perf cg2ps g2p $n --perf-causal --short
  done
done
tar -C "$OUT" -czf "$OUT/run82.tar.gz" run82
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k1,1
