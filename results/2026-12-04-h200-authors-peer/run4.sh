#!/usr/bin/env bash
# Stop 51's fourth device call (carrying .authors): causal_check.py again, with a third copy of the
# authors' kernel (m_i returned, and autotuning kept to BLOCK_N <= BLOCK_M) and the configs printed:
# call 3's copy with m_i returned still erred at N = 1k.
set -u
source kernels/tools/device-steps.sh peer4
begin_call
d=results/2026-12-04-h200-authors-peer
step causal-check2 560 python3 "$d/causal_check.py" --authors .authors
smi
pack
cat "$w/steps.txt"
cat "$w/causal-check2.log"
