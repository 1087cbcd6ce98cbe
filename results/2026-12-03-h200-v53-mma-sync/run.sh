#!/usr/bin/env bash
# One device call (stop 36), run in this folder: kernels v53, the mma.sync path at D = 64 with two m-tiles a warp for
# fp16, int8-half and the INT8-P kernels, as it ships (no spills at sm_80 / sm_89; the sm_90a
# SASS is c6079b8's, function by function). kcheck of the compute_80 PTX, JIT-compiled on the H200:
#   here: bash kernels/tools/ab.sh build m80 HEAD compute_80   # c6079b8's kernels
#         bash kernels/tools/ab.sh build m80f "" compute_80    # v53
#         bash kernels/tools/ab.sh pack m80 m80f
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v53-mma-sync/run.sh
# Every mma.sync method checked against its emulation; v53 against c6079b8 at N = 1k / 4k / 16k
# (D = 64) and 4k / 16k (D = 128, where only int8-plus's and int8+qsum's SASS changed), median of
# 50, interleaved, two rounds; then PyTorch's FlashAttention-2 (also mma.sync) at the same shapes
# in the same call, with attn-bench's own peer script (cold L2, CUDA events, median).
set -u
source kernels/tools/device-steps.sh v53
step check-m80f 240 kernels/tools/out/kcheck_m80f --no-perf --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in m80 m80f; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,int8half,int8,int8plus
    done
  done
  for b in m80 m80f; do kperf ${b}_d128 $b --perf-d 128 --perf-methods fp16,int8,int8plus; done
  for b in m80 m80f; do kperf ${b}_fp8_d64 $b --perf-d 64 --perf-n 16384 --perf-methods fp8e4m3; done
done
kcheck_summary
AB
step perf 260 bash "$w/perf.sh" "$w/perf"
smi
step fa2 60 python3 src/main/resources/scripts/torch_sdpa_bench.py --seq-len 1024,4096,16384 --head-dim 64,128 --backend flash --out "$w/fa2.csv"
smi
cat "$w/steps.txt"
grep -H "== correctness" "$w"/check-*.log
cat "$w/perf.log"
cut -d, -f1,4,5,8,12,14 "$w/fa2.csv"
