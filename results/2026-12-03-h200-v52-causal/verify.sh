#!/usr/bin/env bash
# One device call after kernels v52 shipped (the bundle of d93de0f, v52's kernels); stop 34 wrote it
# (the device refused it four times) and stop 35 ran it:
#   - the causal bench of the methods with a short entry, at both D (v52 changed fp8-native's
#     D = 128 entries after v51's causal run, results/2026-12-03-h200-v51-selftest/causal);
#   - why kcheck read fp8-native at D = 128, N = 4k in two modes (~810 or ~925 TFLOP/s) from
#     process to process in both builds (results/2026-12-03-h200-paper-v52/ab.log), where the
#     Java bench read 901-921 in every paper run since v45: six processes per build with kcheck's
#     15 timed repetitions (1.2-1.8 ms each), then six with 400, interleaved.
# Carry .gpu and kernels/tools/out (kcheck_v51 and kcheck_v52).
set -u
source kernels/tools/device-steps.sh v52-causal
step causal 100 bash scripts/gpu-run.sh bench --causal true --method fp16,int8-half,int8,int8-plus,fp8-native \
  --seq-len 1024,4096,16384 --head-dim 64,128 --out "$w/causal"
smi
cat > "$w/modes.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3 4 5 6; do
  for b in v51 v52; do
    kperf ${b}_reps15 $b --perf-d 128 --perf-n 4096 --perf-methods fp16,fp8native
  done
done
kcheck_summary
for round in 1 2 3 4 5 6; do
  for b in v51 v52; do
    "$kcheck_bin/kcheck_$b" --no-check --reps 400 --perf-d 128 --perf-n 4096 --perf-methods fp16,fp8native \
      > "$kcheck_logs/perf_${b}_reps400_${round}.txt" 2>&1
  done
done
kcheck_summary
AB
step modes 120 bash "$w/modes.sh" "$w/modes"
smi
cat "$w/steps.txt"
tail -n 30 "$w/causal.log"
tail -n 8 "$w/modes.log"
