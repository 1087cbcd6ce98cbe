#!/usr/bin/env bash
# Stop 55's first device call (carrying .gpu and .authors): the main job as of this commit,
# reproduce of configs/paper.yaml with both peers (PyTorch's SDPA and the authors' kernels), on
# the tool as it stands after stops 52-54 changed the peers' scripts, the claims table and resume.
set -u
source kernels/tools/device-steps.sh main1
begin_call
pack
PEER=torch-sdpa,authors=.authors REPRODUCE_S=520 STEPS=1,4 timeout 560 bash scripts/gpu-session.sh "$OUT"
smi
pack
cat "$OUT/gpu-session.txt" 2>/dev/null
