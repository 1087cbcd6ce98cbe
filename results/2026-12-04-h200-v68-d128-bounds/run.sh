#!/usr/bin/env bash
# One device call (stop 45), kernels v68 (7d7e6ca):
#   1. accuracy --backend cuda of int8-plus and int8+qsum where v68 moved them to their short entry
#      (D = 64: N = 4096 without the mask, 8192 with it; the selftest's shapes stop at 4096): the
#      kernels' error beside the emulation's on the same inputs, which a bit-faithful kernel equals;
#   2. the D = 128 short entries' N bounds against today's main entries (set in v41-v45, kcheck
#      runs 77-87; the main entries changed since, v45-v62): every method with a D = 128 short entry
#      (persistent blocks), main against short, N = 1k, 2k, 4k, 8k, and under the causal mask 2k,
#      4k, 8k, 16k; three interleaved rounds, median of 20.
#   here: ab.sh build v68 HEAD; ab.sh pack v68; scripts/gpu-bundle.sh (.gpu, v68)
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v68-d128-bounds/run.sh
set -u
source kernels/tools/device-steps.sh v68b
step accuracy 120 bash scripts/gpu-run.sh accuracy --backend cuda --method int8-plus,int8+qsum \
  --head-dim 64 --seq-len 4096,8192 --causal both --batch 2 --heads 4 --rows 256 --dist normal,uniform \
  --out "$w/accuracy"
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=fp16,fp8native,int8half,int8,int8plus,int8qsum,int8u8p
for round in 1 2 3; do
  for n in 1024 2048 4096 8192; do
    kperf main_n$n v68 --perf-d 128 --perf-n $n --perf-methods $m
    kperf short_n$n v68 --perf-d 128 --perf-n $n --perf-methods $m --short
  done
  for n in 2048 4096 8192 16384; do
    kperf cmain_n$n v68 --perf-d 128 --perf-n $n --perf-methods $m --perf-causal
    kperf cshort_n$n v68 --perf-d 128 --perf-n $n --perf-methods $m --perf-causal --short
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
