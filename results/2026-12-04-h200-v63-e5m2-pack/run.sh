#!/usr/bin/env bash
# One device call (stop 42), run from the repository root: fp8's P̃ = e5m2(p) packed without the
# zero-extension. ../2026-12-04-h200-v62-tile-overhead found fp8's consumers alone (producers
# loading nothing) 10% slower than fp16 at N = 4k, with the same loop but for P̃'s packing: per pair
# of scores F2FP (the two e5m2 codes in a 16-bit result), LOP3 (cuda_fp8.h's zero-extension of
# that result) and PRMT (the codes into the f16 halves' high bytes), where fp16 packs with one F2FP.
# Builds (kcheck, sm_90a), the same bits:
#   v62  the shipped kernels (c2645a3)
#   pk1  ATTN_E5M2_P_PACK=1: F2FP pack, then F2FP unpack (cvt.rn.f16x2.e5m2x2) on the conversion unit
#   pk2  ATTN_E5M2_P_PACK=2: four codes at once, the second F2FP merging the first into its upper
#        half, then one PRMT per pair
# Both take the consumers' round from 498 to 466 instructions at D = 64 (cuobjdump).
#   here: ab.sh build v62 HEAD; ab.sh build pk1 pk1.h; ab.sh build pk2 pk2.h; ab.sh pack v62 pk1 pk2
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v63-e5m2-pack/run.sh
set -u
source kernels/tools/device-steps.sh e5m2pack
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for b in pk1 pk2; do kcheck_check $b $b --check-methods fp16,fp8e5m2,fp8e4m3; done
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 2048 4096 16384; do
    for b in v62 pk1 pk2; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
  for n in 4096 16384; do
    for b in v62 pk1 pk2; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
done
kcheck_summary
AB
step perf 480 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
