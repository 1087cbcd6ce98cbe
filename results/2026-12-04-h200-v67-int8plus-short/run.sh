#!/usr/bin/env bash
# One device call (stop 44), after ../2026-12-04-h200-v67-int8half-short (int8-half's D = 64 short
# entry on one warpgroup per block: +10% at 1k, +7% at 2k over its persistent one). The same for
# int8-plus and int8+qsum, whose D = 64 short entries are persistent blocks too (v42):
#   kcheck_v67a: branch cand-ih1 (8c03f1b), int8-half's one-warpgroup entry only;
#   kcheck_v67b: branch cand-plus (9e6678e), also int8-plus's and int8+qsum's.
#   1. kcheck of every entry with the short ones in place, v67b's;
#   2. timing, three interleaved rounds, median of 20, D = 64, B = 4, H = 32: the main entry, v67a's
#      short entry and v67b's, for int8plus and int8qsum at N = 1k, 2k, 4k, and causal at 1k-8k;
#   3. the Java selftest of int8-half, int8-plus and int8+qsum at every shape with v67b's kernels:
#      the bundle in .gpu is v67a's (8c03f1b), and gpu-run.sh's --ptx swaps in .gpu/ptx's fatbins,
#      here v67b's int8_attention.fatbin (the Java side is the same in both); compute-sanitizer
#      racecheck and memcheck over the quick selftest of int8-half and int8-plus at D = 64, likewise;
#   4. reproduce --config configs/paper.yaml --peer torch-sdpa with v67a's bundle, if time is left.
#   here: ab.sh build v67a cand-ih1; ab.sh build v67b (cand-plus); ab.sh pack v67a v67b;
#         scripts/gpu-bundle.sh on cand-ih1; xz of cand-plus's target/classes/kernels/int8_attention.fatbin
#         into .gpu/ptx-b/
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v67-int8plus-short/run.sh
set -u
source kernels/tools/device-steps.sh v67
mkdir -p .gpu/ptx && xz -dc .gpu/ptx-b/int8_attention.fatbin.xz > .gpu/ptx/int8_attention.fatbin
step kcheck-short 60 kernels/tools/out/kcheck_v67b --no-perf --short
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=int8plus,int8qsum
for round in 1 2 3; do
  for n in 1024 2048 4096; do
    kperf main_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m
    kperf as_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m --short
    kperf bs_n$n v67b --perf-d 64 --perf-n $n --perf-methods $m --short
  done
  for n in 1024 2048 4096 8192; do
    kperf cmain_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m --perf-causal
    kperf cas_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m --perf-causal --short
    kperf cbs_n$n v67b --perf-d 64 --perf-n $n --perf-methods $m --perf-causal --short
  done
done
kcheck_summary
AB
step perf 120 bash "$w/perf.sh" "$w/perf"
step selftest-b 170 bash scripts/gpu-run.sh --ptx selftest --method int8-half,int8-plus,int8+qsum
for tool in racecheck memcheck; do
  step sanitizer-$tool-b 50 compute-sanitizer --tool $tool --target-processes all --print-limit 50 \
    bash scripts/gpu-run.sh --ptx selftest --no-timing-check --quick --method int8-half,int8-plus --head-dim 64
done
smi
step reproduce-a 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
