#!/usr/bin/env bash
# Does what the timed kernels compute on move their time? The Java bench of fp16, int8 and
# fp8-native at both D, N = 1k, 4k, 16k (B=4, H=32, non-causal, kernel scope) on four input
# distributions (bench --input-dist), two rounds, the second in reverse order:
#   normal                  the paper's torch.randn, what every other latency figure here uses;
#   uniform(0,1)            the paper's torch.rand;
#   normal(0,0.1)           the same INT8 codes as normal (per-token scales take the 0.1 out), but
#                           scores 100x smaller: flat attention, a row's maximum settles early;
#   uniform(1,1.0009765625) FP16 values 1 or 1+2^-10 only: the fewest bit toggles there are
#                           (constant INT8 codes), the "predictable data" case.
# Run on the device from the repository root: bash results/2026-12-04-h200-input-dist/run.sh
source kernels/tools/device-steps.sh inputdist
begin_call
dists=("normal" "uniform(0,1)" "normal(0,0.1)" "uniform(1,1.0009765625)")
for round in 1 2; do
  order=("${dists[@]}")
  if [ "$round" = 2 ]; then order=("${dists[3]}" "${dists[2]}" "${dists[1]}" "${dists[0]}"); fi
  for d in "${order[@]}"; do
    tag=$(printf '%s' "$d" | tr -c 'a-z0-9.' '_')
    step "bench-$tag-r$round" 110 bash scripts/gpu-run.sh bench --method fp16,int8,fp8-native \
      --head-dim 64,128 --seq-len 1024,4096,16384 --input-dist "$d" --max-time-per-point 2 \
      --out "$w/r$round-$tag"
    smi
    cp "$w/smi.txt" "$w/smi-after-$tag-r$round.txt"
    pack
  done
done
