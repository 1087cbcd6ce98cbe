#!/usr/bin/env bash
# One device call: the paper's claim is for Ampere GPUs, whose tensor cores take mma.sync, not
# Hopper's wgmma. No Ampere card is lent, so this times the kernels' mma.sync path (the compute_80
# PTX that an A100 would run, JIT-compiled by the driver for the H200) beside the shipped wgmma
# path (sm_90a), both built from the same commit (d93de0f's kernels, v52), with kcheck:
#   - kcheck-80: every method but fp8-native (sm_89's FP8 mma.sync) against its emulation;
#   - perf: B=4, H=32, D=64 and 128, N = 1k ... 16k, non-causal, fp16, fp8 (e5m2, widened),
#     int8-half, int8 and int8-plus, median of 50 back-to-back repetitions (hot L2), one process
#     per N and path, the two paths interleaved, two rounds.
# Carry .gpu (unused) and kernels/tools/out (kcheck_m80 = ab.sh build m80 "" compute_80, and
# kcheck_v52 = ab.sh build v52).
set -u
source kernels/tools/device-steps.sh mmasync
step kcheck-80 200 kernels/tools/out/kcheck_m80 --no-perf \
  --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus
smi
cat > "$w/perf.sh" <<'AB'
set -u
logs=$1
mkdir -p "$logs"
for round in 1 2; do
  for n in 1024 2048 4096 8192 16384; do
    for b in m80 v52; do
      kernels/tools/out/kcheck_$b --no-check --reps 50 --perf-n $n \
        --perf-methods fp16,fp8e5m2,int8half,int8,int8plus > "$logs/perf_${b}_n${n}_${round}.txt" 2>&1
    done
  done
done
for b in m80 v52; do
  echo "== $b (TFLOP/s, then x vs fp16 of the same process), rounds 1 and 2"
  grep -h "^perf [a-z0-9]* *D=" "$logs"/perf_${b}_n*_[12].txt | awk '{print $2, $3, $4, $7, $9}' | sort -s -k2,2 -k3,3V -k1,1 \
    | awk '{k=$1" "$2" "$3; a[k]=a[k]"  "$4" "$5} END {for (k in a) print k a[k]}' | sort -k2,2 -k3,3V -k1,1
done
AB
step perf 330 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w/kcheck-80.log"
tail -n 60 "$w/perf.log"
