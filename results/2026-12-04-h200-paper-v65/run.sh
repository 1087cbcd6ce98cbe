#!/usr/bin/env bash
# One device call (stop 44), run from the repository root: kernels v65 as shipped (17af338; the
# four one-warpgroup D = 64 short entries load K/V by TMA, 318d8d8), its first main job.
#   1. kcheck of every entry, main and short, against its emulation, outputs poisoned;
#   2. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it;
#   3. the short entries' N bounds again (perf.sh): v65 made the one-warpgroup short entries of fp16,
#      int8, int8+u8p and fp8-native 3-17% faster at 1k-2k, so main and short entry interleaved at
#      D = 64, N = 1k-8k, two rounds; under the causal mask also int8's and int8+u8p's causal-only
#      entries (--causal-short), which the host prefers there up to 4k;
#   4. the full Java selftest, in what is left of the call.
#   here: bash scripts/gpu-bundle.sh (.gpu); ab.sh build v65; ab.sh pack v65
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v65/run.sh
set -u
source kernels/tools/device-steps.sh v65
step kcheck 60 kernels/tools/out/kcheck_v65 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v65 --no-perf --short
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
step perf 120 bash results/2026-12-04-h200-paper-v65/perf.sh "$w/perf"
smi
left=$(( device_budget - ($(date +%s) - device_start) - 5 ))
step selftest "$left" bash scripts/gpu-run.sh selftest
smi
