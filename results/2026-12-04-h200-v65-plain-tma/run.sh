#!/usr/bin/env bash
# One device call (stop 43), run from the repository root: the plain schedule's K/V by TMA
# (AttnTraits::kPlainTma), for the one-warpgroup short-sequence entries at D = 64 (fp16, int8,
# int8+u8p, fp8-native; their sm_90a SASS alone changes). ../2026-12-04-h200-ncu-short-n found
# fp16's short entry issuing 14% more instructions than cuDNN's FP16 at N = 1k, ~2.5 of its 9.8 a
# score in the cp.async copies and their addresses, at the same IPC.
# Builds (kcheck, sm_90a): tbase (35b5ebc: kernels v64), tcand (the working tree).
#   here: ab.sh build tbase 35b5ebc; ab.sh build tcand; ab.sh pack tbase tcand;
#         bash scripts/gpu-bundle.sh (.gpu, the candidate)
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v65-plain-tma/run.sh
set -u
source kernels/tools/device-steps.sh tma
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check short tcand --short
export KCHECK_REPS=30
for round in 1 2; do
  for n in 1024 2048; do
    for b in tbase tcand; do kperf ${b}_n$n $b --short --perf-d 64 --perf-n $n --perf-methods fp16,int8,int8u8p,fp8native; done
  done
done
kcheck_summary
AB
step perf 80 bash "$w/perf.sh" "$w/perf"
# The Java side on the candidate's jar: the changed entries against their emulation and FP64, and
# racecheck / memcheck over fp16's and int8's (the short entries run at N <= 1k-2k there).
step selftest 60 bash scripts/gpu-run.sh selftest --quick --method fp16,int8,int8+u8p,fp8-native --head-dim 64
smi
sanitize racecheck 30 short --quick --method fp16,int8 --head-dim 64
sanitize memcheck 20 short --quick --method fp16,int8 --head-dim 64
cat "$w/steps.txt"
grep -h "check" "$w/perf.log" | head -3
tail -n 2 "$w/selftest.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
grep -v "^check" "$w/perf.log"
