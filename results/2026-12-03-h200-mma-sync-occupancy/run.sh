#!/usr/bin/env bash
# One device call, written in stop 35 and run in stop 36 (this folder; the build steps below):
# does occupancy lift the mma.sync path at D = 64? (kernels/TUNING.md next step 16;
# results/2026-12-03-h200-mma-sync-shapes tried the other spill-free shapes.) kcheck of the
# kernels as compute_80 PTX, JIT-compiled on the H200: m80 as shipped (4 warps a block, 228
# registers: 2 blocks an SM) against m80b3 (mma_sync_b3d64.h: at least 3 blocks an SM, 168
# registers; sm_80 ptxas spills 4 bytes for fp16, 28 for int8-plus, 88 for int8), fp16, int8-half
# and the int8 family alike. The candidate checked against its emulation (m80 was, in
# results/2026-12-03-h200-mma-sync and -shapes), then D = 64, N = 4k and 16k, median of 50, the
# builds interleaved, two rounds. About 150 s of device time after the start.
#   here: bash kernels/tools/ab.sh build m80 "" compute_80
#         bash kernels/tools/ab.sh build m80b3 kernels/candidates/mma_sync_b3d64.h compute_80
#         bash kernels/tools/ab.sh pack m80 m80b3
#   device (carry kernels/tools/out): bash kernels/candidates/mma-sync-occupancy.sh
# Then move this script and the header into results/<date>-h200-mma-sync-occupancy with the logs.
set -u
source kernels/tools/device-steps.sh occ80
step check-m80b3 90 kernels/tools/out/kcheck_m80b3 --no-perf --check-methods fp16,int8half,int8,int8plus
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 4096 16384; do
    for b in m80 m80b3; do
      kperf ${b}_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,int8half,int8,int8plus
    done
  done
done
kcheck_summary
AB
step perf 110 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w"/check-*.log
cat "$w/perf.log"
