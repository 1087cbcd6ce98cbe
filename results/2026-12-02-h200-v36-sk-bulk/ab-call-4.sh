#!/usr/bin/env bash
# The fourth device call (kcheck run 64, see NOTES.md): cand4 = cand with s_k's bulk copy issued
# before K's and V's TMA copies instead of after them, checked, then base (v34), cand and cand4
# timed interleaved, twice, for the INT8 Q·Kᵀ methods (fp16 is always timed too).
set -u
CHECK="cand4" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods int8,int8plus,int8half" \
  bash kernels/tools/ab.sh run base cand cand4
