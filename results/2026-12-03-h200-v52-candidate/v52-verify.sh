#!/usr/bin/env bash
# Kernels v52 candidate (kernels/candidates/ones_in_v8t_d128.diff, on main at v51): fp8-native's
# denominator counts P̃ at D = 128 too, its ones as 8 more rows after each V8t stage so that P̃·V
# and its row sums are one m64n136k32 wgmma per k-step (AttnTraits::kOnesInV), where v51's
# candidate's separate m64n8k32 ones cost 2.7% (results/2026-12-03-h200-v51-candidate). Kcheck run
# 96's ceiling for fp8-native at D = 128 without FP32 row sums: +6% (4k) / +8% (16k). On the
# emulation, P̃ lowers its uniform-input error by 4-16% at D = 128
# (results/2026-12-03-cpu-ptilde-denominator). Built here without spills (QGMMA.64x136x32 in the
# SASS), `mvn -B verify` passes with it applied; not yet run on a GPU.
#
# Here (nvcc, no GPU), then move this script into a new results folder:
#   bash kernels/tools/ab.sh build v51 HEAD                      # the shipped kernels
#   git apply kernels/candidates/ones_in_v8t_d128.diff && git commit -am "kernels v52 candidate"
#   bash kernels/tools/ab.sh build v52 HEAD
#   bash kernels/tools/ab.sh pack v51 v52
#   bash scripts/gpu-bundle.sh                                   # the jar with v52's kernels
# (park the large result folders first: the tracked tree alone is over the 64 MiB a call carries).
# Then one device call, carrying .gpu and kernels/tools/out.
# Risk: kcheck judges fp8native's error within 1% of an exact-sum emulation; the FP8 accumulator
# on the row sums may move it by about that much at D = 128, N = 4k. The Java selftest judges it
# against the accumulator model.
set -u
source kernels/tools/device-steps.sh v52
step kcheck 60 kernels/tools/out/kcheck_v52 --no-perf --check-methods fp8native,fp8e4m3
step kcheck-short 60 kernels/tools/out/kcheck_v52 --short --no-perf --check-methods fp8native
cat > "$w/ab.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3; do
  for b in v51 v52; do
    for n in 2048 4096 16384; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8native
    done
  done
done
kcheck_summary
AB
step ab 150 bash "$w/ab.sh" "$w/ab"
step selftest 150 bash scripts/gpu-run.sh selftest --seed 81 --method fp8-native
step reproduce 110 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
sanitize racecheck 90 v52 --quick --seed 82 --method fp8-native --head-dim 128
sanitize memcheck 60 v52 --quick --seed 83 --method fp8-native --head-dim 128
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 8 "$w/ab.log"
grep -h "passed, .* failed" "$w"/selftest.log "$w"/sanitizer-*.log
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
