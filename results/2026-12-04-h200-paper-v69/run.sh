#!/usr/bin/env bash
# One device call (stop 45): kernels v69, v68's code with the INT8 kernels' D = 64 short entries
# run one step further, from the Java bench's cold-L2 timing (../2026-12-04-h200-v69-cold-bounds):
# int8 and int8+u8p up to N = 4096 (causal 8192; were 2048 / 4096), int8-plus and int8+qsum up to
# 8192 (causal 16384; were 4096 / 8192). No kernel's code changed: only the launch arrays' bounds.
#   1. kcheck of every entry, main and short (outputs poisoned, against the emulation);
#   2. accuracy --backend cuda of the four methods at the N they now take their short entries to
#      (the selftest's shapes stop at 4096): the kernels' error beside the emulation's;
#   3. the Java bench, v69's jar and the same jar with v68's int8_attention.fatbin (gpu-run.sh
#      --ptx), in alternation, twice, at the points whose entry changed and their neighbours;
#   4. the quick selftest of the four methods;
#   5. the main job: reproduce --config configs/paper.yaml --peer torch-sdpa.
#   here: scripts/gpu-bundle.sh (.gpu, v69); v68's int8_attention.fatbin xz'ed into .gpu/ptx-v68/;
#         ab.sh build v69; ab.sh pack v69
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v69/run.sh
set -u
source kernels/tools/device-steps.sh v69
mkdir -p .gpu/ptx && xz -dc .gpu/ptx-v68/int8_attention.fatbin.xz > .gpu/ptx/int8_attention.fatbin
step kcheck 60 kernels/tools/out/kcheck_v69 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v69 --no-perf --short
step accuracy 150 bash scripts/gpu-run.sh accuracy --backend cuda --method int8,int8+u8p,int8-plus,int8+qsum \
  --head-dim 64 --seq-len 4096,8192,16384 --causal both --batch 1 --heads 4 --rows 128 --dist normal,uniform \
  --out "$w/accuracy"
m=int8,int8+u8p,int8-plus,int8+qsum
for round in 1 2; do
  for v in v69 v68; do
    ptx=; [ $v = v68 ] && ptx=--ptx
    step bench-$v-$round 60 bash scripts/gpu-run.sh $ptx bench --method $m --head-dim 64 \
      --seq-len 2048,4096,8192,16384 --causal both --max-time-per-point 1 --out "$w/bench-$v-$round"
  done
done
step selftest 90 bash scripts/gpu-run.sh selftest --quick --method $m
smi
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
