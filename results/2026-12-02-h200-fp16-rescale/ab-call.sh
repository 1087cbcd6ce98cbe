#!/usr/bin/env bash
# One device call (kcheck run 60): the f16 P̃·V methods (fp16, int8-half) rescaling acc before
# every block's P̃·V, with no warp vote (`kcheck_resc`, rescale_always.diff; acc·1 = acc, so the
# same bits), against v34 (`kcheck_v34`). v34's FFMA fold took a vote off the INT8 round and paid
# more than its instructions: does the vote cost FP16 too?
set -u
CHECK="resc" CHECK_TIMEOUT=60 PERF_ARGS="--perf-methods fp16,int8half" bash kernels/tools/ab.sh run v34 resc
