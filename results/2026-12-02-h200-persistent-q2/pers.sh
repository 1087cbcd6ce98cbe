#!/usr/bin/env bash
# kcheck run 77 (H200): persistent warp-specialized blocks (ATTN_PERSISTENT=1: TileWalk, a second
# Q buffer loaded a tile ahead, O staged over the current Q) against v40's one tile per block, at
# short and long N, D = 64 and 128. kcheck_pers is kcheck at 6e41606+ built with
# -include pers.h (#define ATTN_PERSISTENT 1; at sm_90a it spills at D = 128: fp16 36 bytes,
# int8 136, outside the hot loop for fp16 only); kcheck_v40 the shipped kernels.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/pers
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
timeout 200 $out/kcheck_pers --no-perf > "$d/check_pers.txt" 2>&1
echo "check pers rc=$?: $(grep '== correctness' "$d/check_pers.txt")"
KCHECK_GRID=7 timeout 200 $out/kcheck_pers --no-perf --check-methods fp16,int8,int8plus,fp8native,int8half \
  > "$d/check_pers_g7.txt" 2>&1
echo "check pers grid 7 rc=$?: $(grep '== correctness' "$d/check_pers_g7.txt")"
for dd in 128 64; do
  for n in 1024 2048 4096 16384; do
    for round in 1 2; do
      for b in v40 pers; do
        $out/kcheck_$b --no-check --reps 15 --perf-methods fp16,int8,int8plus,fp8native,int8half --perf-d $dd \
          --perf-n $n > "$d/perf_${b}_d${dd}_n${n}_$round.txt" 2>&1
      done
    done
  done
done
tar -C "$OUT" -czf "$OUT/pers.tar.gz" pers
for dd in 128 64; do
  for n in 1024 2048 4096 16384; do
    for b in v40 pers; do
      echo "$b D=$dd N=$n: $(grep -h '^perf' "$d"/perf_${b}_d${dd}_n${n}_*.txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
    done
  done
done
