#!/usr/bin/env bash
# kcheck run 76 (H100): two consumer warpgroups (128-row blocks) against v40's three (192 rows) at
# D = 128 and short N, for fp16, int8 and fp8-native. At N = 1k v40's fp16 runs at 467 TFLOP/s
# against cuDNN's 560 (results/2026-12-02-h100-paper-v40), with 6 row blocks of 192 per head, the
# last a third full, in 5.8 waves; 128-row blocks make 8 full ones in 7.8 waves. kcheck_g2 is
# kcheck at e48cc0c+ with g2_d128.h (no spills at sm_90a, ptxas -v); kcheck_v40 the shipped kernels.
set -u
out=kernels/tools/out
tar -C $out -xJf $out/kcheck.tar.xz
mkdir -p "$OUT/g2"
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$OUT/g2/smi.txt" 2>&1
timeout 120 $out/kcheck_g2 --no-perf --check-methods fp16,int8,int8plus,fp8native > "$OUT/g2/check_g2.txt" 2>&1
echo "check g2 rc=$?: $(grep '== correctness' "$OUT/g2/check_g2.txt")"
for n in 1024 2048 4096 16384; do
  for round in 1 2; do
    for b in v40 g2; do
      $out/kcheck_$b --no-check --reps 15 --perf-methods fp16,int8,fp8native --perf-d 128 --perf-n $n \
        > "$OUT/g2/perf_${b}_n${n}_$round.txt" 2>&1
    done
  done
done
tar -C "$OUT" -czf "$OUT/g2.tar.gz" g2
for n in 1024 2048 4096 16384; do
  for b in v40 g2; do
    echo "$b N=$n: $(grep -h '^perf' "$OUT"/g2/perf_${b}_n${n}_*.txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
  done
done
