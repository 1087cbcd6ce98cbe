#!/usr/bin/env bash
# One device call (stop 42), run from the repository root: fp8's widening producers converting e5m2
# by F2FP's unpack (cvt.rn.f16x2.e5m2x2 on a 16-bit half named in PTX, as e4m3's since v61)
# instead of a byte permute. The PRMT runs on the ALU pipe, which the consumers' softmax (FMNMX,
# FSEL, ISETP, the P̃ PRMT) shares on each SM sub-partition; F2FP does not. The same bits.
#   v63  the shipped kernels (2bb34eb)
#   wf2  ATTN_E5M2_WIDEN_F2FP=1 (wf2.h, on the switch of wf2.diff, removed after this run): the producers' widening loop (and the consumers' Q
#        widening) 64 F2FP where v63 has 64 PRMT at D = 64
#   here: ab.sh build v63; ab.sh build wf2 wf2.h; ab.sh pack v63 wf2
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v63-e5m2-widen/run.sh
set -u
source kernels/tools/device-steps.sh e5m2widen
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check wf2 wf2 --check-methods fp16,fp8e5m2,fp8e4m3
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 16384; do
    for b in v63 wf2; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
  for n in 4096 16384; do
    for b in v63 wf2; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
done
kcheck_summary
AB
step perf 400 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
