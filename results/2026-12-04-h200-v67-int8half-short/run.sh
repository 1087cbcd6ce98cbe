#!/usr/bin/env bash
# One device call (stop 44): int8-half's D = 64 short entry on one warpgroup per block (candidate
# 8c03f1b, kcheck_ih1), where v66 (kcheck_v66, HEAD c33143e's kernels) runs it in persistent blocks.
# v65's TMA copies made the other one-warpgroup entries +19-22% over their main entries at 1k
# (../2026-12-04-h200-paper-v65), where int8-half's persistent one was measured +10% (run 79).
#   1. kcheck of every entry with the short ones in place (--short), the candidate's;
#   2. timing, three interleaved rounds, median of 20, D = 64, B = 4, H = 32: int8half's main entry,
#      v66's short entry and the candidate's, N = 1k, 2k, 4k, and under the causal mask 1k-8k;
#   3. the Java selftest of int8-half at every shape with the candidate's bundle (its device
#      quantizers included) and the Java bench of int8-half and fp16 at D = 64, 1k-4k, both masks.
#   here: ab.sh build ih1 (the candidate tree); ab.sh build v66 HEAD; ab.sh pack v66 ih1;
#         scripts/gpu-bundle.sh on the candidate
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v67-int8half-short/run.sh
set -u
source kernels/tools/device-steps.sh ih1
step kcheck-short 60 kernels/tools/out/kcheck_ih1 --no-perf --short
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
for round in 1 2 3; do
  for n in 1024 2048 4096; do
    kperf main_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half
    kperf v66s_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half --short
    kperf ih1s_n$n ih1 --perf-d 64 --perf-n $n --perf-methods int8half --short
  done
  for n in 1024 2048 4096 8192; do
    kperf cmain_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half --perf-causal
    kperf cv66s_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half --perf-causal --short
    kperf cih1s_n$n ih1 --perf-d 64 --perf-n $n --perf-methods int8half --perf-causal --short
  done
done
kcheck_summary
AB
step perf 150 bash "$w/perf.sh" "$w/perf"
step selftest 120 bash scripts/gpu-run.sh selftest --method int8-half
step bench 90 bash scripts/gpu-run.sh bench --causal both --head-dim 64 --seq-len 1024,2048,4096 \
  --method fp16,int8-half --max-time-per-point 2 --out "$w/bench"
smi
