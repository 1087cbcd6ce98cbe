#!/usr/bin/env bash
# Kernels v51 candidate (kernels/candidates/tensor_row_sums.diff, on main at v50): int8-half's and
# fp8-native's softmax denominators count their P̃, summed by the tensor cores (a ones tile beside
# the P̃·V wgmma; P̃ times ones registers on mma.sync), a contract change (docs/ARITHMETIC.md,
# w = P̃). kcheck run 96 read ceilings of +10% (int8-half, D = 64) and +5-8% (fp8-native); on the
# emulation int8-half's error does not move and fp8-native's falls by up to 31% on uniform inputs
# (results/2026-12-03-cpu-ptilde-denominator).
# Built and unit-tested without a GPU; not yet run on one. fp16 keeps p (FlashAttention-2's
# arithmetic) unless the A/B below shows it gains too, in which case the baseline takes it as well.
#
# Here (nvcc, no GPU), then move this script into a new results folder:
#   bash kernels/tools/ab.sh build v50 HEAD                      # the shipped kernels
#   git apply kernels/candidates/tensor_row_sums.diff && git commit -am "kernels v51 candidate"
#   bash kernels/tools/ab.sh build v51 HEAD                      # this candidate
#   echo '#define ATTN_FP16_TENSOR_ROW_SUMS 1' > /tmp/rs16.h
#   bash kernels/tools/ab.sh build rs16 /tmp/rs16.h              # fp16 with the same row sums
#   bash kernels/tools/ab.sh build v51_80 HEAD compute_80        # the mma.sync path, JIT-compiled
#   bash kernels/tools/ab.sh pack v50 v51 rs16 v51_80
#   bash scripts/gpu-bundle.sh                                   # the jar with v51's kernels
# (commit before moving large folders aside for the device's 64 MiB: `commit -a` would record the
# moves). Then one device call, carrying .gpu and kernels/tools/out; its outputs come back in
# $OUT/v51.tar.gz.
set -u
source kernels/tools/device-steps.sh v51  # also unpacks the kcheck binaries
step kcheck 60 kernels/tools/out/kcheck_v51 --no-perf --check-methods int8half,fp8native,fp16,int8
step kcheck-short 60 kernels/tools/out/kcheck_v51 --short --no-perf --check-methods int8half,fp8native,fp16
step kcheck-80 80 kernels/tools/out/kcheck_v51_80 --no-perf --check-methods int8half,fp16
step kcheck-rs16 60 kernels/tools/out/kcheck_rs16 --no-perf --check-methods fp16
cat > "$w/ab.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3; do
  for b in v50 v51 rs16; do
    for d in 64 128; do
      for n in 4096 16384; do
        kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,int8half,int8,fp8native
      done
    done
  done
done
kcheck_summary
AB
step ab 200 bash "$w/ab.sh" "$w/ab"
step selftest 200 bash scripts/gpu-run.sh selftest --seed 51 --method int8-half,fp8-native
step reproduce 110 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
sanitize racecheck 90 v51 --quick --seed 52 --method int8-half,fp8-native
sanitize memcheck 60 v51 --quick --seed 53 --method int8-half,fp8-native
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 13 "$w/ab.log"
grep -h "passed, .* failed" "$w"/selftest.log "$w"/sanitizer-*.log
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
