#!/usr/bin/env bash
# One device call (stop 45): kernels v70 (e115353), the INT8-P kernels' and fp8-native's D = 128
# short entries on one warpgroup per block (../2026-12-04-h200-v70-d128-one-wg), where v41-v69 ran
# the main entry in persistent blocks; bounds int8 and int8+u8p 4096 (causal 8192), int8-plus and
# int8+qsum 2048 (causal 4096), fp8-native 4096 (causal 4096). What is left of the session's device
# time is ~380 s, so the call is cut to fit (DEVICE_BUDGET_S=270):
#   1. kcheck of every short entry (outputs poisoned, against the emulation);
#   2. the quick Java selftest of the five methods at D = 128;
#   3. the Java bench, v70's jar and the same jar with v69's int8 and fp8 fatbins (gpu-run.sh --ptx),
#      in alternation, twice, D = 128, N = 1k, 2k, 4k, 8k, with and without the mask;
#   4. the main job: reproduce --config configs/paper.yaml --peer torch-sdpa;
#   5. compute-sanitizer racecheck over the quick selftest of int8 at D = 128, in what is left.
#   here: scripts/gpu-bundle.sh (.gpu, v70); v69's int8_attention and fp8_attention fatbins xz'ed
#         into .gpu/ptx-v69/; ab.sh build v70; ab.sh pack v70
#   device (carry .gpu, kernels/tools/out): DEVICE_BUDGET_S=270 bash results/2026-12-04-h200-paper-v70/run.sh
set -u
source kernels/tools/device-steps.sh v70
mkdir -p .gpu/ptx && for f in .gpu/ptx-v69/*.fatbin.xz; do xz -dc "$f" > .gpu/ptx/$(basename "$f" .xz); done
step kcheck-short 40 kernels/tools/out/kcheck_v70 --no-perf --short
m=int8,int8+u8p,int8-plus,int8+qsum,fp8-native
step selftest 60 bash scripts/gpu-run.sh selftest --quick --head-dim 128 --method $m
for round in 1 2; do
  for v in v70 v69; do
    ptx=; [ $v = v69 ] && ptx=--ptx
    step bench-$v-$round 40 bash scripts/gpu-run.sh $ptx bench --method $m --head-dim 128 \
      --seq-len 1024,2048,4096,8192 --causal both --max-time-per-point 1 --out "$w/bench-$v-$round"
  done
done
smi
step reproduce 120 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
sanitize racecheck 60 d128 --quick --head-dim 128 --method int8
smi
