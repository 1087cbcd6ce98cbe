#!/usr/bin/env bash
# Stop 51's third device call (carrying .authors): causal_check.py, the authors' kernel as written
# and with its inner function returning m_i, causal and not, against FP64.
set -u
source kernels/tools/device-steps.sh peer3
begin_call
d=results/2026-12-04-h200-authors-peer
step causal-check 480 python3 "$d/causal_check.py" --authors .authors
smi
pack
cat "$w/steps.txt"
cat "$w/causal-check.log"
