#!/usr/bin/env bash
# One device call (stop 44), run from the repository root: the main job on kernels v67 as shipped
# (4c8d579: int8-half's, int8-plus's and int8+qsum's D = 64 short entries on one warpgroup per
# block), whose checks ran in ../2026-12-04-h200-v67-int8plus-short (kcheck --short ALL PASS, the
# three methods' selftest at every shape, racecheck, memcheck) on the same kernels.
#   here: bash scripts/gpu-bundle.sh (.gpu)
#   device (carry .gpu): bash results/2026-12-04-h200-paper-v67/run.sh
set -u
source kernels/tools/device-steps.sh v67
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
