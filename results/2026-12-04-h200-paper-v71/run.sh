#!/usr/bin/env bash
# One device call (stop 46): kernels v71 (bundle 7c68b34, as in ../2026-12-04-h200-v71-mid, whose
# A/B against v70 failed: the jar with v70's int8 fatbin still listed the mid entries, which
# gpu-run.sh --ptx now swaps with the fatbin, NAME.entries):
#   1. the Java bench, v71's jar and the same jar with v70's int8_attention fatbin and entry list,
#      alternated over three rounds, the four INT8-P methods at D = 128, N = 2k (a control: both run
#      the short entry), 4k, 8k, 16k, with and without the mask;
#   2. the main job: reproduce --config configs/paper.yaml --peer torch-sdpa;
#   3. compute-sanitizer memcheck over the quick selftest of the five methods whose D = 128 short
#      entries v70 changed (with the mid entries), in what is left.
#   here: as ../2026-12-04-h200-v71-mid, and v70's int8_attention.entries (v71's less the _mid
#         lines) into .gpu/ptx-v70/
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v71/run.sh
set -u
source kernels/tools/device-steps.sh v71p
m=int8,int8+u8p,int8-plus,int8+qsum
bench_ab v71 v70 3 40 --method $m --head-dim 128 --seq-len 2048,4096,8192,16384 --causal both \
  --max-time-per-point 1
smi
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
sanitize memcheck 150 d128 --quick --head-dim 128 --method $m,fp8-native
