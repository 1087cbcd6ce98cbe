#!/usr/bin/env bash
# One device call (stop 40), run from the repository root: two candidates against v58 (base).
#  - tma: the producers' TMA issue of a key block as one helper (tma_load_key_block), shared by
#    produce_key_blocks and produce_widened_key_blocks. The same loads, but ptxas allocates the
#    producers' uniform registers differently in every warp-specialized entry, so it is timed.
#  - fp8bc128: the FP8-storage kernels (fp8, fp8-e4m3) on wgmma with 128-key blocks (a contract
#    change, like v39's for fp16), on top of tma. At D = 128 the f16 ring then has two 64 KB
#    stages and one raw stage (the tree's raw-ring check, kLoadStages >= 2, relaxed to 1 for both
#    builds); this build spills 108 bytes at D = 128 (the consumers' row sums).
#   here: bash kernels/tools/ab.sh build base HEAD; bash kernels/tools/ab.sh build tma;
#         bash kernels/tools/ab.sh build fp8bc128 results/2026-12-03-h200-v59-ab/fp8bc128.h; bash kernels/tools/ab.sh pack base tma fp8bc128
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v59-ab/run.sh
set -u
source kernels/tools/device-steps.sh v59ab
step check-tma 60 kernels/tools/out/kcheck_tma --no-perf
step check-tma-short 60 kernels/tools/out/kcheck_tma --no-perf --short
step check-bc128 60 kernels/tools/out/kcheck_fp8bc128 --no-perf --check-methods fp8e5m2,fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
all=fp16,fp8e5m2,fp8e4m3,int8half,int8,int8plus,fp8native
for round in 1 2; do
  for d in 64 128; do
    for n in 4096 16384; do
      for b in base tma; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods $all; done
      kperf bc128_d${d}_n$n fp8bc128 --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
  kperf base_d64_n1024 base --perf-d 64 --perf-n 1024 --perf-methods fp16,fp8e5m2,fp8e4m3
  kperf bc128_d64_n1024 fp8bc128 --perf-d 64 --perf-n 1024 --perf-methods fp16,fp8e5m2,fp8e4m3
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w"/check-*.log
cat "$w/perf.log"
