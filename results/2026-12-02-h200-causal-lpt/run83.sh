#!/usr/bin/env bash
# kcheck run 83 (H200): causal row blocks longest first. Under the causal mask a one-tile-per-block
# entry takes row block gridDim.x - 1 - blockIdx.x instead of blockIdx.x, so that the blocks with
# the most key blocks start first (the GPU starts blocks in index order). kcheck_lpt is v43's
# kernels with that change (place_block); kcheck_v43 the shipped v43. Check: every main entry of
# kcheck_lpt against its emulation (causal both ways). Timing: the main entries, B = 4, H = 32,
# median of 15, two rounds, causal at N = 4k, 8k, 16k and non-causal at 16k (where nothing
# changes), both D.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/run83
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
timeout 200 $out/kcheck_lpt --no-perf > "$d/check_lpt.txt" 2>&1
echo "check lpt rc=$?: $(grep '== correctness' "$d/check_lpt.txt")"
m=fp16,int8,int8plus,int8half,fp8native
perf() {  # TAG BINARY D N [ARGS...]
  local tag=$1 bin=$2 dd=$3 n=$4; shift 4
  $out/kcheck_$bin --no-check --reps 15 --perf-methods $m --perf-d "$dd" --perf-n "$n" "$@" \
    > "$d/perf_${tag}_d${dd}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for dd in 64 128; do
    for n in 4096 8192 16384; do
      perf cv43 v43 $dd $n --perf-causal
      perf clpt lpt $dd $n --perf-causal
    done
    perf v43 v43 $dd 16384
    perf lpt lpt $dd 16384
  done
done
tar -C "$OUT" -czf "$OUT/run83.tar.gz" run83
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k3,3
