#!/usr/bin/env bash
# One device call (stop 46): fp16 at D = 128, N = 1k is ~11% behind cuDNN (v71's run), where our
# short entry is the main entry's shape (three consumer groups, 192-row tiles) in persistent
# blocks: a head of 1k rows is 5.3 such tiles, its sixth a third full. The candidate (fp16g2.h,
# over v71's tree) gives fp16 and int8-half (f16 V stages too) at D = 128 two consumer groups
# instead: 128-row tiles, eight whole ones a head at 1k, for the main entry and the persistent
# short entry alike (168 registers, no spills). The same bits (a block's rows change, not Bc).
#   1. kcheck of the candidate, outputs poisoned, both entries of fp16 and int8half;
#   2. kcheck --perf-cold, three interleaved rounds, base v71 against the candidate, D = 128:
#      the short entries at 1k and 2k, and under the mask at 2k and 4k; the main entries at 1k,
#      4k and 16k;
#   3. the Java causal bench of every paper method at both D on v71 (the README's causal
#      paragraph, last measured on v68).
#   here: ab.sh build v71; ab.sh build fp16g2 fp16g2.h; ab.sh pack v71 fp16g2; .gpu as for
#         ../2026-12-04-h200-v71-mid (7c68b34)
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v71-fp16-g2/run.sh
set -u
source kernels/tools/device-steps.sh g2
step check-short 60 kernels/tools/out/kcheck_fp16g2 --no-perf --short --check-methods fp16,int8half
step check-main 60 kernels/tools/out/kcheck_fp16g2 --no-perf --check-methods fp16,int8half
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m="--perf-d 128 --perf-methods fp16,int8half --perf-cold"
for round in 1 2 3; do
  for v in v71 fp16g2; do
    for n in 1024 2048; do kperf ${v}_short_n$n $v $m --perf-n $n --short; done
    for n in 2048 4096; do kperf ${v}_cshort_n$n $v $m --perf-n $n --short --perf-causal; done
    for n in 1024 4096 16384; do kperf ${v}_main_n$n $v $m --perf-n $n; done
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
step causal 120 bash scripts/gpu-run.sh bench --causal true \
  --method fp16,fp8,fp8-e4m3,int8-half,int8,int8-plus,fp8-native --seq-len 1024,4096,16384 --head-dim 64,128 \
  --out "$w/causal"
smi
