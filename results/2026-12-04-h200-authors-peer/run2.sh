#!/usr/bin/env bash
# Stop 51's second device call (carrying .gpu and .authors, as run.sh): the main job, reproduce of
# configs/paper.yaml, with both peers: PyTorch's SDPA and the authors' kernels.
set -u
source kernels/tools/device-steps.sh peer2
begin_call
pack
PEER=torch-sdpa,authors=.authors REPRODUCE_S=520 STEPS=1,4 timeout 560 bash scripts/gpu-session.sh "$OUT"
cat "$OUT/gpu-session.txt" 2>/dev/null
