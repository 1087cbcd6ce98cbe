#!/usr/bin/env bash
# The causal bench of the paper's methods at the authors' softmax scale 1.3 (bench's default since
# stop 47) and, in the same call, at 1/sqrt(D) as every earlier causal figure was: fp16, int8,
# int8-plus, fp8-native, fp8, both D, N = 1k, 4k, 16k, two rounds.
# Run on the device from the repository root: bash results/2026-12-04-h200-causal-scale/run.sh
source kernels/tools/device-steps.sh causalscale
begin_call
for round in 1 2; do
  for D in 64 128; do
    root=$(python3 -c "print(1/$D**0.5)")
    for s in 1.3 "$root"; do
      tag=$([ "$s" = 1.3 ] && echo 1.3 || echo root)
      step "causal-d$D-$tag-r$round" 60 bash scripts/gpu-run.sh bench --causal true \
        --method fp16,fp8,fp8-native,int8,int8-plus --head-dim $D --seq-len 1024,4096,16384 \
        --softmax-scale "$s" --max-time-per-point 2 --out "$w/causal-d$D-$tag-r$round"
    done
  done
done
