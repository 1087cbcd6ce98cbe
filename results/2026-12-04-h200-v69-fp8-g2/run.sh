#!/usr/bin/env bash
# One device call (stop 45): fp8's and fp8-e4m3's main entries on two consumer warpgroups (128-row
# blocks) instead of three (192), at short N. At N = 1k a head has 5.33 row blocks of 192 rows
# (the sixth a third full) and 8 of 128; the FP8-storage kernels have no short-sequence entry (the
# plain schedule's lost 9-29%, ../2026-12-04-h200-v67-selftest), so the question is whether whole
# tiles pay for the third group's overlap there.
#   kcheck_v68:   kernels v68 as shipped (7d7e6ca);
#   kcheck_fp8g2: the same with kernels/tools/ab.sh's shapes header fp8g2.h (beside this script):
#                 ATTN_SHAPE_FP_D64 / _D128 = "8, 1, 1, false, true, true, true" on sm_90a.
#   1. kcheck of fp8e5m2 and fp8e4m3 on fp8g2 (every shape, outputs poisoned);
#   2. timing, three interleaved rounds, median of 20, B = 4, H = 32, D = 64 and 128: fp8e5m2,
#      fp8e4m3 (and fp16, unchanged, for the ratio), N = 1k, 2k, 4k, and causal 1k, 4k.
#   here: ab.sh build v68 HEAD; ab.sh build fp8g2 fp8g2.h; ab.sh pack v68 fp8g2
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v69-fp8-g2/run.sh
set -u
source kernels/tools/device-steps.sh v69g2
step kcheck-fp8g2 90 kernels/tools/out/kcheck_fp8g2 --no-perf --check-methods fp8e5m2,fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=fp8e5m2,fp8e4m3,fp16
for round in 1 2 3; do
  for d in 64 128; do
    for n in 1024 2048 4096; do
      kperf base_d${d}_n$n v68 --perf-d $d --perf-n $n --perf-methods $m
      kperf g2_d${d}_n$n fp8g2 --perf-d $d --perf-n $n --perf-methods $m
    done
    for n in 1024 4096; do
      kperf cbase_d${d}_n$n v68 --perf-d $d --perf-n $n --perf-methods $m --perf-causal
      kperf cg2_d${d}_n$n fp8g2 --perf-d $d --perf-n $n --perf-methods $m --perf-causal
    done
  done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
smi
