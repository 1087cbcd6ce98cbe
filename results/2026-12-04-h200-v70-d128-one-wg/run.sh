#!/usr/bin/env bash
# One device call (stop 45): the D = 128 short entries of the 8-bit-tile kernels (int8, int8+u8p,
# int8-plus, int8+qsum, fp8-native) on one warpgroup per block, three blocks an SM, with the plain
# schedule's TMA copies (v65), where they run the main entry in persistent blocks (v41, v45). At D = 64
# that form beat the persistent one by 9-10% at 1k (v67); at D = 128 it was not tried since v65's
# TMA copies (run 41, before them: no one-warpgroup shape fitted without spills). Their 8-bit K and
# V8t stages (16 KB each, two of each beside an 8 KB Q tile) fit three blocks an SM; 168 registers
# (161 for fp8-native), no spills. The P̃·V of the INT8 folding methods is issued whole there (the
# warp-specialized entries' two channel halves, PvInFlight::kPieces, are for their 160 registers).
#   kcheck_v69: kernels v69 (HEAD); kcheck_wg1: the working tree (wg1.diff beside this script).
#   1. kcheck of every short entry on wg1 (outputs poisoned, against the emulation);
#   2. timing with L2 emptied before each sample (--perf-cold, as the Java bench), three interleaved
#      rounds, median of 20, B = 4, H = 32, D = 128: the main entry, v69's short entry and wg1's, at
#      N = 1k, 2k, 4k, 8k, and under the causal mask at 2k and 8k.
#   here: ab.sh build wg1; ab.sh build v69 HEAD; ab.sh pack v69 wg1
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v70-d128-one-wg/run.sh
set -u
source kernels/tools/device-steps.sh v70wg
step kcheck-short-wg1 90 kernels/tools/out/kcheck_wg1 --no-perf --short
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=int8,int8u8p,int8plus,int8qsum,fp8native,fp16
for round in 1 2 3; do
  for n in 1024 2048 4096 8192; do
    kperf main_n$n v69 --perf-d 128 --perf-n $n --perf-methods $m --perf-cold
    kperf pers_n$n v69 --perf-d 128 --perf-n $n --perf-methods $m --perf-cold --short
    kperf wg1_n$n wg1 --perf-d 128 --perf-n $n --perf-methods $m --perf-cold --short
  done
  for n in 2048 8192; do
    kperf cmain_n$n v69 --perf-d 128 --perf-n $n --perf-methods $m --perf-cold --perf-causal
    kperf cpers_n$n v69 --perf-d 128 --perf-n $n --perf-methods $m --perf-cold --perf-causal --short
    kperf cwg1_n$n wg1 --perf-d 128 --perf-n $n --perf-methods $m --perf-cold --perf-causal --short
  done
done
kcheck_summary
AB
step perf 240 bash "$w/perf.sh" "$w/perf"
smi
