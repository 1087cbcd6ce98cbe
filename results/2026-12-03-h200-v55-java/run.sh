#!/usr/bin/env bash
# One device call (stop 38), run from the repository root: kernels v55 as committed, the Java tool
# end to end on the mma.sync path (the jar with PTX-only fatbins, scripts/gpu-run.sh --ptx), and
# the last A/B of v55: fp8 (e5m2) widened in registers (fin80) against fp8 on the widening pass
# on the same shapes (e5p: v55 with e5m2_pass.patch), both the compute_80 PTX JIT-compiled on the H200.
#   here: bash kernels/tools/ab.sh build fin80 "" compute_80
#         kcheck_e5p: kcheck.cu built as ab.sh does, from a copy of kernels/ with e5m2_pass.patch
#         bash kernels/tools/ab.sh pack fin80 e5p
#         bash scripts/gpu-ptx-bundle.sh                 # .gpu/ptx (the jar in .gpu is unchanged Java)
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v55-java/run.sh
set -u
source kernels/tools/device-steps.sh v55c
step selftest-mma-sync 150 bash scripts/gpu-run.sh --ptx selftest --method fp16,fp8,fp8-e4m3
step bench-mma-sync 60 bash scripts/gpu-run.sh --ptx bench --method fp16,fp8,fp8-e4m3 --seq-len 1024,4096,16384 \
  --head-dim 64,128 --out "$w/bench-mma-sync"
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in fin80 e5p; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
  for b in fin80 e5p; do kperf ${b}_d64_n4096 $b --perf-d 64 --perf-n 4096 --perf-methods fp16,fp8e5m2; done
done
kcheck_summary
AB
step perf 120 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
cat "$w/perf.log"
tail -3 "$w"/selftest-*.log
cut -d, -f1,4,5,8,12 "$w/bench-mma-sync/latency.csv"
