#!/usr/bin/env bash
# The second call: the paper's latency grid (every method but int8-half, both D, N = 1k ... 16k,
# B=4, H=32, non-causal, kernel scope) on normal, uniform(0,1) and uniform(-1,1) inputs
# (bench --input-dist), two rounds, the second in reverse order.
# Run on the device from the repository root: bash results/2026-12-04-h200-input-dist/run2.sh
source kernels/tools/device-steps.sh inputdist2
begin_call
dists=("normal" "uniform(0,1)" "uniform(-1,1)")
for round in 1 2; do
  order=("${dists[@]}")
  if [ "$round" = 2 ]; then order=("${dists[2]}" "${dists[1]}" "${dists[0]}"); fi
  for d in "${order[@]}"; do
    tag=$(printf '%s' "$d" | tr -c 'a-z0-9.' '_')
    step "bench-$tag-r$round" 150 bash scripts/gpu-run.sh bench \
      --method fp16,fp8,fp8-native,int8,int8-plus --head-dim 64,128 \
      --seq-len 1024,2048,4096,8192,16384 --input-dist "$d" --max-time-per-point 2 \
      --out "$w/r$round-$tag"
    smi
    cp "$w/smi.txt" "$w/smi-after-$tag-r$round.txt"
    pack
  done
done
