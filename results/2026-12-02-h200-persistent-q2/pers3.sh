#!/usr/bin/env bash
# kcheck run 78 (H200): the persistent blocks of run 77 made spill-free at D = 128 for fp16 and
# fp8-native (each tile derives its thread's addresses anew, through value_after_loop, and takes
# whole turns of the ring, so that only the phase carries over); INT8 at D = 128 still spills
# (124 bytes). kcheck_pers3 is kcheck at 6e41606+ with -include pers.h; kcheck_v40 the shipped
# kernels; "v40s" is kcheck_v40 --short (the one-warpgroup short entries at D = 64); kcheck_v41
# the working tree with persistent short-sequence entries at D = 128 for fp16 and fp8native,
# checked with --short (every short entry, both D).
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
d=$OUT/pers3
mkdir -p "$d"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$d/smi.txt" 2>&1
timeout 200 $out/kcheck_pers3 --no-perf > "$d/check_pers3.txt" 2>&1
echo "check pers3 rc=$?: $(grep '== correctness' "$d/check_pers3.txt")"
KCHECK_GRID=7 timeout 200 $out/kcheck_pers3 --no-perf --check-methods fp16,int8,int8plus,fp8native,int8half \
  > "$d/check_pers3_g7.txt" 2>&1
echo "check pers3 grid 7 rc=$?: $(grep '== correctness' "$d/check_pers3_g7.txt")"
KCHECK_GRID=7 timeout 200 $out/kcheck_v41 --short --no-perf > "$d/check_v41_short_g7.txt" 2>&1
echo "check v41 --short grid 7 rc=$?: $(grep '== correctness' "$d/check_v41_short_g7.txt")"
m=fp16,int8,int8plus,fp8native,int8half
for dd in 128 64; do
  for n in 1024 2048 4096 16384; do
    for round in 1 2; do
      $out/kcheck_v40 --no-check --reps 15 --perf-methods $m --perf-d $dd --perf-n $n > "$d/perf_v40_d${dd}_n${n}_$round.txt" 2>&1
      $out/kcheck_pers3 --no-check --reps 15 --perf-methods $m --perf-d $dd --perf-n $n > "$d/perf_pers3_d${dd}_n${n}_$round.txt" 2>&1
      if [ $dd = 128 ] && [ $n -le 2048 ]; then
        $out/kcheck_v41 --short --no-check --reps 15 --perf-methods fp16,fp8native --perf-d $dd --perf-n $n \
          > "$d/perf_v41s_d${dd}_n${n}_$round.txt" 2>&1
      fi
      if [ $dd = 64 ] && [ $n -le 2048 ]; then
        $out/kcheck_v40 --short --no-check --reps 15 --perf-methods fp16,int8,int8plus,fp8native --perf-d $dd --perf-n $n \
          > "$d/perf_v40s_d${dd}_n${n}_$round.txt" 2>&1
      fi
    done
  done
done
tar -C "$OUT" -czf "$OUT/pers3.tar.gz" pers3
for dd in 128 64; do
  for n in 1024 2048 4096 16384; do
    for b in v40 v40s v41s pers3; do
      [ -f "$d/perf_${b}_d${dd}_n${n}_1.txt" ] || continue
      echo "$b D=$dd N=$n: $(grep -h '^perf' "$d"/perf_${b}_d${dd}_n${n}_*.txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
    done
  done
done
