#!/usr/bin/env bash
# One device call (stop 44), run from the repository root: kernels v66 as shipped (c33143e): the
# D = 64 one-warpgroup short entries of fp16, int8, int8+u8p and fp8-native run up to N = 2048, and
# 4096 under the causal mask (../2026-12-04-h200-paper-v65 perf/, ../2026-12-04-h200-v65-short-bounds),
# and int8's and int8+u8p's causal-only entries are gone. No kernel's code changed: only which
# entry the host runs at 2k (4k causal), and the launch arrays' bounds.
#   1. kcheck of every entry, main and short, against its emulation, outputs poisoned;
#   2. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it;
#   3. the Java bench under the causal mask at D = 64, N = 1k, 2k, 4k, kernel scope, for the four
#      kernels whose entry changed there;
#   4. the full Java selftest, in what is left of the call.
#   here: bash scripts/gpu-bundle.sh (.gpu); ab.sh build v66; ab.sh pack v66
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v66/run.sh
set -u
source kernels/tools/device-steps.sh v66
step kcheck 60 kernels/tools/out/kcheck_v66 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v66 --no-perf --short
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
step bench-causal 90 bash scripts/gpu-run.sh bench --causal true --head-dim 64 --seq-len 1024,2048,4096 \
  --method fp16,int8,int8+u8p,fp8-native --max-time-per-point 2 --out "$w/bench-causal"
smi
left=$(( device_budget - ($(date +%s) - device_start) - 5 ))
step selftest "$left" bash scripts/gpu-run.sh selftest
smi
