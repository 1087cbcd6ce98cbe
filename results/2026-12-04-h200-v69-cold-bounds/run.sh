#!/usr/bin/env bash
# One device call (stop 45). Every short-entry N bound was set from kcheck's warm medians (inputs
# resident in L2 across repetitions), but the product's numbers are the Java bench's, which flushes
# L2 before each sample. v68's call read int8-plus's short entry 4% ahead of the main entry at 4k in
# the Java bench where kcheck read it level (../2026-12-04-h200-paper-v68). So: do the other
# bounds move under the product's own timing?
#   v68: the bundle in .gpu (kernels v68, 7d7e6ca);
#   r:   the same jar with kernels whose short entries run one step further (the -D flags in
#        raised-flags.txt, sm_90a only, swapped in by gpu-run.sh --ptx): at D = 64 fp16, int8,
#        int8+u8p, int8-half and fp8-native up to 4096 (causal 8192), int8-plus and int8+qsum up to
#        8192 (causal 16384); at D = 128 fp16 and fp8-native up to 2048 (causal 4096), int8-half
#        4096 (causal 4096), the INT8-P kernels 16384.
#   bench, kernel scope, B = 4, H = 32, every method with a short entry, D = 64 at N = 4k, 8k, 16k
#   and D = 128 at 2k, 4k, 16k, with and without the mask; v68, r, v68, r. Points whose entry does
#   not change are the controls.
#   here: scripts/gpu-bundle.sh (.gpu, v68); nvcc -fatbin of the three attention files with the flags,
#         xz'ed into .gpu/ptx-r/
#   device (carry .gpu): bash results/2026-12-04-h200-v69-cold-bounds/run.sh
set -u
source kernels/tools/device-steps.sh v69r
mkdir -p .gpu/ptx && for f in .gpu/ptx-r/*.fatbin.xz; do xz -dc "$f" > .gpu/ptx/$(basename "$f" .xz); done
m=fp16,int8,int8+u8p,int8-half,fp8-native,int8-plus,int8+qsum
for round in 1 2; do
  for v in v68 r; do
    ptx=; [ $v = r ] && ptx=--ptx
    step bench-$v-d64-$round 100 bash scripts/gpu-run.sh $ptx bench --method $m --head-dim 64 \
      --seq-len 4096,8192,16384 --causal both --max-time-per-point 1 --out "$w/bench-$v-d64-$round"
    step bench-$v-d128-$round 100 bash scripts/gpu-run.sh $ptx bench --method $m --head-dim 128 \
      --seq-len 2048,4096,16384 --causal both --max-time-per-point 1 --out "$w/bench-$v-d128-$round"
  done
done
smi
