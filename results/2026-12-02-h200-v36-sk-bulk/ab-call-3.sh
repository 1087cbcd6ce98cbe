#!/usr/bin/env bash
# The third device call (kcheck run 63, see NOTES.md): cand3 = cand with s_k at D = 128 loaded by
# the producer warp's lanes (16-byte cp.async from the padded layout, each lane arriving on `full`)
# instead of the bulk copy, checked, then base (v34), cand and cand3 timed interleaved, twice, for
# the INT8 Q·Kᵀ methods.
set -u
CHECK="cand3" CHECK_TIMEOUT=200 PERF_ARGS="--perf-methods int8,int8plus,int8half" \
  bash kernels/tools/ab.sh run base cand cand3
