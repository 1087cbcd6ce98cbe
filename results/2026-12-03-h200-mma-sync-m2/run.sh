#!/usr/bin/env bash
# One device call (stop 36), run in this folder: two m-tiles a warp on the mma.sync path at D = 64 (kernels/TUNING.md
# next step 16), which FlashAttention-2 runs and which spilled 248-1328 bytes in our kernels. The
# working tree makes the mma.sync loads' addresses again for each block when a warp has two m-tiles,
# and INT8's float denominator before its codes, so the shape compiles with 0-92 bytes of spill.
# Builds (here):
#   bash kernels/tools/ab.sh build m80 HEAD compute_80      # as shipped (c6079b8's kernels)
#   bash kernels/tools/ab.sh build m80x "" compute_80       # the working tree, shipped shapes
#   bash kernels/tools/ab.sh build m80m2 results/2026-12-03-h200-mma-sync-m2/mma_sync_m2d64.h compute_80
#   bash kernels/tools/ab.sh build s90 HEAD; bash kernels/tools/ab.sh build s90x ""   # sm_90a
#   bash kernels/tools/ab.sh pack m80 m80x m80m2 s90 s90x
# Device (carry kernels/tools/out): bash kernels/candidates/mma-sync-m2.sh
# On sm_90a only int8's and int8+u8p's SASS changed (the denominator's order), so those are checked
# (main, short and causal entries) and timed against the base; int8-plus is timed as a control.
set -u
source kernels/tools/device-steps.sh m2
step check-m80m2 150 kernels/tools/out/kcheck_m80m2 --no-perf --check-methods fp16,int8half,int8,int8u8p,int8qsum,int8plus
step check-m80x 100 kernels/tools/out/kcheck_m80x --no-perf --check-methods int8,int8u8p,fp8e5m2,fp8e4m3
step check-s90x 60 kernels/tools/out/kcheck_s90x --no-perf --check-methods int8,int8u8p
step check-s90x-short 60 kernels/tools/out/kcheck_s90x --no-perf --short --check-methods int8,int8u8p
step check-s90x-causal 60 kernels/tools/out/kcheck_s90x --no-perf --causal-short --check-methods int8,int8u8p
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 4096 16384; do
    for b in m80 m80x m80m2; do
      kperf ${b}_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,int8half,int8,int8plus
    done
  done
  for b in m80 m80x; do kperf ${b}_d128 $b --perf-d 128 --perf-n 16384 --perf-methods int8,int8plus; done
  for d in 64 128; do
    for b in s90 s90x; do kperf ${b}_d$d $b --perf-d $d --perf-methods int8,int8u8p,int8plus; done
  done
done
kcheck_summary
AB
step perf 280 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -H "== correctness" "$w"/check-*.log
cat "$w/perf.log"
