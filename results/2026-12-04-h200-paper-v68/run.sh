#!/usr/bin/env bash
# One device call (stop 45): kernels v68, v67's with int8-plus's and int8+qsum's D = 64 short entries
# run up to N = 4096, and 8192 under the causal mask (were 2048 / 4096), from two calls' kcheck
# rounds (../2026-12-04-h200-v67-int8plus-short, ../2026-12-04-h200-v67-selftest). No kernel's code
# changed: only the launch arrays' bounds, so which entry the host runs there.
#   1. kcheck of every entry, main and short, against its emulation, outputs poisoned;
#   2. the Java bench of int8-plus and int8+qsum at D = 64, N = 2k, 4k, 8k, with and without the
#      mask, kernel scope: v68's jar, and the same jar with v67's int8_attention.fatbin swapped in
#      (gpu-run.sh --ptx), in alternation, twice: the bounds' effect as ratios from one call;
#   3. the quick Java selftest of the two methods;
#   4. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it;
#   5. the causal bench of every paper method at both D, N = 1k, 4k, 16k (the README's causal
#      paragraph was v52's).
#   here: bash scripts/gpu-bundle.sh (.gpu, v68); v67's int8_attention.fatbin xz'ed into .gpu/ptx-b/;
#         ab.sh build v68; ab.sh pack v68
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v68/run.sh
set -u
source kernels/tools/device-steps.sh v68
mkdir -p .gpu/ptx && xz -dc .gpu/ptx-b/int8_attention.fatbin.xz > .gpu/ptx/int8_attention.fatbin
step kcheck 60 kernels/tools/out/kcheck_v68 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v68 --no-perf --short
for round in 1 2; do
  for v in v68 v67; do
    ptx=; [ $v = v67 ] && ptx=--ptx
    step bench-$v-$round 60 bash scripts/gpu-run.sh $ptx bench --method int8-plus,int8+qsum --head-dim 64 \
      --seq-len 2048,4096,8192 --causal both --max-time-per-point 1.5 --out "$w/bench-$v-$round"
  done
done
step selftest 90 bash scripts/gpu-run.sh selftest --quick --method int8-plus,int8+qsum
smi
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
left=$(( device_budget - ($(date +%s) - device_start) - 5 ))
step causal "$left" bash scripts/gpu-run.sh bench --causal true \
  --method fp16,fp8,fp8-e4m3,int8-half,int8,int8-plus,fp8-native --seq-len 1024,4096,16384 --head-dim 64,128 \
  --out "$w/causal"
smi
