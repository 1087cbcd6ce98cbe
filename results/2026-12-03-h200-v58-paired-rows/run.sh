#!/usr/bin/env bash
# One device call (stop 39), run from the repository root: kernels v58 against v57 for the
# FP8-storage kernels on sm_90a. At D = 128 v58's widening producers take, per quarter warp, two
# rows and opposite halves of their raw chunks (widen_fp8_tile, kPairRows), so that their f16
# stores into the two 128-byte panels no longer conflict two ways (v56-v57: every f16 store).
#   here: bash kernels/tools/ab.sh build cur HEAD (v57's kernels at 6b68c8d); bash kernels/tools/ab.sh
#         build pair (the tree); bash kernels/tools/ab.sh pack cur pair; bash scripts/gpu-bundle.sh
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v58-paired-rows/run.sh
set -u
source kernels/tools/device-steps.sh v58p
step check 60 kernels/tools/out/kcheck_pair --no-perf --check-methods fp8e5m2,fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in cur pair; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
  for b in cur pair; do kperf ${b}_d64_n16384 $b --perf-d 64 --perf-n 16384 --perf-methods fp16,fp8e5m2,fp8e4m3; done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
step selftest 150 bash scripts/gpu-run.sh selftest --method fp8,fp8-e4m3
step bench 60 bash scripts/gpu-run.sh bench --method fp16,fp8,fp8-e4m3 --seq-len 1024,4096,16384 --head-dim 128 \
  --out "$w/bench"
sanitize racecheck 70 fp8 --quick --method fp8,fp8-e4m3 --head-dim 128
sanitize memcheck 40 fp8 --quick --method fp8,fp8-e4m3 --head-dim 128
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w/check.log"
cat "$w/perf.log"
tail -2 "$w/selftest.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY\|passed," "$w"/sanitizer-*.log
cut -d, -f1,4,5,8,12 "$w/bench/latency.csv"
