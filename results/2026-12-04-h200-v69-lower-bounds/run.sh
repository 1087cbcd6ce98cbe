#!/usr/bin/env bash
# One device call (stop 45): the short entries' bounds one step lower, timed the product's way (the
# Java bench, L2 emptied before each sample). ../2026-12-04-h200-v69-cold-bounds timed every bound
# one step higher; this checks that each entry still wins at the N it now serves up to, where the
# bound came from kcheck's warm medians:
#   v69: the bundle in .gpu (kernels v69, 61139c9);
#   l:   the same jar with the three attention fatbins built with lowered-flags.txt (sm_90a only,
#        gpu-run.sh --ptx): at D = 64 fp16, fp8-native and int8-half up to 1024 (causal 2048; v69:
#        2048 / 4096); at D = 128 int8-half up to 1024 (causal 1024; v69: 2048 / 2048), fp16's and
#        fp8-native's causal bound 1024 (v69: 2048), the INT8-P kernels up to 4096 (causal 8192; v69:
#        8192 / 16384). int8's, int8+u8p's, int8-plus's and int8+qsum's D = 64 bounds are v69's
#        (../2026-12-04-h200-paper-v69 timed v68's against them).
#   bench, kernel scope, B = 4, H = 32: D = 64 at N = 2k, 4k and D = 128 at 2k, 8k, 16k, with and
#   without the mask; v69, l, v69, l.
#   here: scripts/gpu-bundle.sh (.gpu, v69); nvcc -fatbin of the three files with the flags, xz'ed
#         into .gpu/ptx-l/
#   device (carry .gpu): bash results/2026-12-04-h200-v69-lower-bounds/run.sh
set -u
source kernels/tools/device-steps.sh v69l
mkdir -p .gpu/ptx && for f in .gpu/ptx-l/*.fatbin.xz; do xz -dc "$f" > .gpu/ptx/$(basename "$f" .xz); done
for round in 1 2; do
  for v in v69 l; do
    ptx=; [ $v = l ] && ptx=--ptx
    step bench-$v-d64-$round 60 bash scripts/gpu-run.sh $ptx bench --method fp16,fp8-native,int8-half \
      --head-dim 64 --seq-len 2048,4096 --causal both --max-time-per-point 1 --out "$w/bench-$v-d64-$round"
    step bench-$v-d128-$round 100 bash scripts/gpu-run.sh $ptx bench \
      --method fp16,fp8-native,int8-half,int8,int8+u8p,int8-plus,int8+qsum --head-dim 128 \
      --seq-len 2048,8192,16384 --causal both --max-time-per-point 1 --out "$w/bench-$v-d128-$round"
  done
done
smi
