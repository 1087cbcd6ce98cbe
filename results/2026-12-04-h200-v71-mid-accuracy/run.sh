#!/usr/bin/env bash
# One device call (stop 46): accuracy --backend cuda of the four INT8-P methods at D = 128 where
# kernels v71 run their mid-sequence entries (persistent blocks: int8 and int8+u8p at 8k, 16k
# causal; int8-plus and int8+qsum at 4k-8k, 8k-16k causal). The selftest checks every entry at
# N <= 4096; here each kernel's own error is set beside its emulation's at the N the mid entries
# serve, on inputs of both distributions (as v68's and v69's calls did for their moved bounds).
#   here: .gpu as for ../2026-12-04-h200-v71-mid (7c68b34)
#   device (carry .gpu): bash results/2026-12-04-h200-v71-mid-accuracy/run.sh
set -u
source kernels/tools/device-steps.sh acc
step accuracy 300 bash scripts/gpu-run.sh accuracy --backend cuda --method int8,int8+u8p,int8-plus,int8+qsum \
  --head-dim 128 --seq-len 4096,8192,16384 --causal both --batch 1 --heads 4 --rows 128 --dist normal,uniform \
  --out "$w/accuracy"
smi
