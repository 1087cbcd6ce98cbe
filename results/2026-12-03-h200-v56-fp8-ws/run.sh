#!/usr/bin/env bash
# One device call (stop 39), run from the repository root: kernels v56, the FP8-storage kernels
# (fp8, fp8-e4m3) on the warp-specialized schedule with a widening producer warpgroup (sm_90a),
# against v55 (HEAD before the change), where they ran on the plain schedule with a widening pass.
#   here: bash kernels/tools/ab.sh build base HEAD; bash kernels/tools/ab.sh build cand
#         bash kernels/tools/ab.sh pack base cand; bash scripts/gpu-bundle.sh   (.gpu, v56 kernels)
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v56-fp8-ws/run.sh
set -u
source kernels/tools/device-steps.sh v56a
step check 180 kernels/tools/out/kcheck_cand --no-perf --check-methods fp8e5m2,fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in base cand; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
    done
  done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
step selftest 150 bash scripts/gpu-run.sh selftest --method fp8,fp8-e4m3
step bench 90 bash scripts/gpu-run.sh bench --method fp16,fp8,fp8-e4m3,fp8-native --seq-len 1024,4096,16384 \
  --head-dim 64,128 --out "$w/bench"
sanitize racecheck 70 fp8 --quick --method fp8,fp8-e4m3
sanitize memcheck 40 fp8 --quick --method fp8,fp8-e4m3
smi
cat "$w/steps.txt"
cat "$w/perf.log"
grep -h "== correctness" "$w/check.log"
tail -3 "$w/selftest.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY\|passed," "$w"/sanitizer-*.log
cut -d, -f1,4,5,8,12 "$w/bench/latency.csv"
