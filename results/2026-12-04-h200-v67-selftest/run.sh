#!/usr/bin/env bash
# One device call (stop 45): the full Java selftest of kernels v67 as shipped (b14b80b), which v67's
# own calls ran for the three changed methods only, and beside it timings for the next changes:
#   kcheck_fp8s: the working tree on v67 with fp8's and fp8-e4m3's first short-sequence entries
#                (D = 64: one warpgroup per block on the plain schedule, cp.async copies, every thread
#                widening each block's K and V); every other entry is v67's.
#   1. kcheck of every entry with the short ones in place (fp8s's: the two new ones included);
#   2. timing, three interleaved rounds, median of 20, D = 64, B = 4, H = 32:
#      - fp8e5m2, fp8e4m3 and fp16 (for the ratio): main against short at N = 1k, 2k, 4k, and
#        under the causal mask at 1k-8k;
#      - the bounds left after v67 (TUNING.md next step 9): int8plus and int8qsum, main against
#        short at 4k, and under the mask at 8k;
#   3. the full Java selftest of v67's bundle (.gpu built from b14b80b), in what is left of the call.
#   here: ab.sh build fp8s; ab.sh pack fp8s; scripts/gpu-bundle.sh at b14b80b
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v67-selftest/run.sh
set -u
source kernels/tools/device-steps.sh v67s
step kcheck-short 60 kernels/tools/out/kcheck_fp8s --no-perf --short
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
f=fp8e5m2,fp8e4m3,fp16
i=int8plus,int8qsum
for round in 1 2 3; do
  for n in 1024 2048 4096; do
    kperf main_n$n fp8s --perf-d 64 --perf-n $n --perf-methods $f
    kperf short_n$n fp8s --perf-d 64 --perf-n $n --perf-methods $f --short
  done
  for n in 1024 2048 4096 8192; do
    kperf cmain_n$n fp8s --perf-d 64 --perf-n $n --perf-methods $f --perf-causal
    kperf cshort_n$n fp8s --perf-d 64 --perf-n $n --perf-methods $f --perf-causal --short
  done
  kperf imain_n4096 fp8s --perf-d 64 --perf-n 4096 --perf-methods $i
  kperf ishort_n4096 fp8s --perf-d 64 --perf-n 4096 --perf-methods $i --short
  kperf icmain_n8192 fp8s --perf-d 64 --perf-n 8192 --perf-methods $i --perf-causal
  kperf icshort_n8192 fp8s --perf-d 64 --perf-n 8192 --perf-methods $i --perf-causal --short
done
kcheck_summary
AB
step perf 115 bash "$w/perf.sh" "$w/perf"
smi
left=$(( device_budget - ($(date +%s) - device_start) - 5 ))
step selftest "$left" bash scripts/gpu-run.sh selftest
smi
