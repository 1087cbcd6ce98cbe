#!/usr/bin/env bash
# One device call (stop 46): a short-sequence entry for fp8 and fp8-e4m3 at D = 64 (the paper's FP8,
# 0.81x FP16 at 1k in v71's run, where FP16 runs its one-warpgroup short entry and FP8 has none).
# The candidate (fp8-wg1.diff over v71): one consumer warpgroup beside a widening producer
# warpgroup, two blocks an SM (64-row blocks, two f16 stages and one raw: 90 KB each; consumers at
# 224 registers by setmaxnreg). The plain schedule's form, every thread widening, lost 9-29%
# (../2026-12-04-h200-v67-selftest); the main entry on two consumer groups 4-17%
# (../2026-12-04-h200-v69-fp8-g2). The same bits: the rows of a block change, not Bc.
#   1. kcheck --short of fp8e5m2 and fp8e4m3 (and fp16 beside), every shape, outputs poisoned;
#   2. kcheck --perf-cold, three interleaved rounds, D = 64: main against short for fp8e5m2,
#      fp8e4m3 and fp16 at N = 1k, 2k, 4k, and under the mask at 1k, 2k, 4k.
#   here: ab.sh build fp8wg1 (the working tree with the diff); ab.sh pack fp8wg1
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v72-fp8-wg1/run.sh
set -u
source kernels/tools/device-steps.sh fp8wg1
step check-short 90 kernels/tools/out/kcheck_fp8wg1 --no-perf --short --check-methods fp8e5m2,fp8e4m3,fp16
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m="--perf-d 64 --perf-methods fp8e5m2,fp8e4m3,fp16 --perf-cold"
for round in 1 2 3; do
  for n in 1024 2048 4096; do
    kperf main_n$n fp8wg1 $m --perf-n $n
    kperf short_n$n fp8wg1 $m --perf-n $n --short
    kperf cmain_n$n fp8wg1 $m --perf-n $n --perf-causal
    kperf cshort_n$n fp8wg1 $m --perf-n $n --perf-causal --short
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
