#!/usr/bin/env bash
# One device call (stop 37), run from the repository root: the mma.sync path (compute_80 PTX, what an
# A100 or Ada card runs, JIT-compiled on the H200) at D = 128, TUNING.md next step 16.
#   here: bash kernels/tools/ab.sh build m80 HEAD compute_80                  # baa2a20 (v53)
#         bash kernels/tools/ab.sh build c2 c2_shapes.h compute_80          # two m-tiles, Bc = 64
#         bash kernels/tools/ab.sh build f1 f1_shapes.h compute_80          # v53's shapes, Bc = 64
#         bash kernels/tools/ab.sh pack m80 c2 f1
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-mma-sync-d128/run.sh
# c2 is FlashAttention-2's D = 128 shape: 128-row blocks of 4 warps, 32 rows a warp, 64-key blocks
# (fp16, int8-half, the INT8-P kernels; the FP8-storage kernels, whose Bc is 64 already, take the
# two m-tiles alone). f1 keeps v53's one m-tile and changes only Bc, to tell the two levers apart.
# c2 checked against its emulation (kcheck's follows the exported Bc); all three timed interleaved,
# median of 50, two rounds; then PyTorch's FlashAttention-2 at the same shapes in the same call.
set -u
source kernels/tools/device-steps.sh d128
step check-c2 240 kernels/tools/out/kcheck_c2 --no-perf --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in m80 c2 f1; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e4m3,int8half,int8,int8plus
    done
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
step fa2 60 python3 src/main/resources/scripts/torch_sdpa_bench.py --seq-len 1024,4096,16384 --head-dim 128 --backend flash --out "$w/fa2.csv"
smi
cat "$w/steps.txt"
grep -H "== correctness" "$w"/check-*.log
cat "$w/perf.log"
cut -d, -f1,4,5,8,12,14 "$w/fa2.csv"
