#!/usr/bin/env bash
# One device call (stop 42), run from the repository root: fp8's P̃ = e5m2(p) pair by pair without
# cuda_fp8.h's zero-extension. v63 packs four codes at a time at D = 64 (the second F2FP merging
# into the first's result, one dependency more per four codes) and keeps cuda_fp8.h's pairs at
# D = 128 (F2FP, LOP3, PRMT), where the four-code form ran 2.4% slower. Here each pair's 16-bit
# codes are named in PTX beside a zero half: F2FP (merging into RZ) and PRMT, no LOP3, no
# dependency between pairs. The same bits.
#   v63  the shipped kernels (2bb34eb)
#   pk5  the tree of pk5.diff (taken out after this run) with ATTN_E5M2_PACK_FOUR_D64=0 (pk5.h): the new pairs at both D. The tree's
#        default (four codes at D = 64, the new pairs at D = 128) has v63's SASS at D = 64 and
#        pk5's at D = 128 (cuobjdump), so these two binaries measure both of its halves.
#   here: ab.sh build pk5 pk5.h; ab.sh pack v63 pk5
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v64-e5m2-pairs/run.sh
set -u
source kernels/tools/device-steps.sh e5m2pairs
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check pk5 pk5 --check-methods fp16,fp8e5m2,fp8e4m3
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 16384; do
    for b in v63 pk5; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
  for n in 1024 4096 16384; do
    for b in v63 pk5; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
done
kcheck_summary
AB
step perf 400 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
