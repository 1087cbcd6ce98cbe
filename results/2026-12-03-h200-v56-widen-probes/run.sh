#!/usr/bin/env bash
# One device call (stop 39), run from the repository root: where the widened FP8 kernels (v56)
# lose against fp16 at the same 64-key blocks. Three kcheck builds of the tree, each with fp16 at
# Bc = 64 (fp16_bc64.h), timed only (the probes' outputs are not attention):
#   f16b64: the FP8 kernels as shipped;
#   nowiden: ATTN_WIDEN_PROBE 1, the producers publish each f16 stage without widening into it;
#   nofence: ATTN_WIDEN_PROBE 2, they widen but skip the async-proxy fence.
#   here: bash kernels/tools/ab.sh build f16b64 .../fp16_bc64.h (nowiden.h, nofence.h alike)
#         bash kernels/tools/ab.sh pack f16b64 nowiden nofence
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v56-widen-probes/run.sh
set -u
source kernels/tools/device-steps.sh probes
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 4096 16384; do
      for b in f16b64 nowiden nofence; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
    done
  done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
