#!/usr/bin/env bash
# One device call (stop 42), run from the repository root: the FP8-storage kernels' per-tile cost.
# By N, the main job's times fit t_tile = a + b·(key blocks): fp8 pays about the same b as fp16
# but a ~5-7 us larger a (results/2026-12-03-h200-v62-widen-probes, ÷ by tiles per SM), so most
# of its gap at 2k-8k is something each tile (row block, head) pays once, not the widening. Builds
# (kcheck, sm_90a):
#   v62     the shipped kernels (c2645a3)
#   ls4     v62 with four raw stages at D = 64 (ATTN_WS_LOAD_STAGES; two as shipped): the raw
#           ring's depth, if the first blocks of a tile wait on the TMA latency of the raw copies
#   probe1  ATTN_WIDEN_PROBE=1: producers copy raw blocks but publish each f16 stage unwidened
#   probe3  ATTN_WIDEN_PROBE=3: producers load nothing, each stage published once released (the
#           consumers alone, Q still widened)
#   probe4  ATTN_WIDEN_PROBE=4: probe3 with Q not widened either
# The probes are timed only (kcheck --no-check), their outputs meaningless.
#   here: ab.sh build v62 HEAD; ab.sh build ls4 ls4.h; ... probe1.h probe3.h probe4.h; ab.sh pack ...
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v62-tile-overhead/run.sh
set -u
source kernels/tools/device-steps.sh tileoh
kcheck_logs_dir=$w/perf
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 2048 4096 8192 16384; do
    for b in v62 ls4 probe1 probe3 probe4; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
  if [ "$round" -le 2 ]; then
    for n in 4096 16384; do
      for b in v62 probe1 probe3; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2; done
    done
  fi
done
kcheck_summary
AB
step check-ls4 120 bash -c "source kernels/tools/kcheck-rounds.sh $w/perf; kcheck_check ls4 ls4 --check-methods fp8e5m2,fp8e4m3"
step perf 420 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/check-ls4.log"
cat "$w/perf.log"
