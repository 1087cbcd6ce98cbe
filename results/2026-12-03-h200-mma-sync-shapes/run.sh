#!/usr/bin/env bash
# One device call: the mma.sync path's launch shapes (the compute_80 PTX an A100 runs, JIT-compiled
# for the H200), after ../2026-12-03-h200-mma-sync found our mma.sync FP16 10-20% behind
# FlashAttention-2 (PyTorch's flash backend, the same instruction path). Three kcheck builds of
# d93de0f's kernels: m80 (as shipped: 4 warps a block at D = 64, 8 at D = 128), m80w8 (w8d64.h:
# 8 warps at D = 64) and m80w4 (w4d128.h: 4 warps at D = 128), each with fp16, int8-half and the
# int8 family changed alike (compile: no spills on sm_80). The shapes move rows between warps, not
# the arithmetic: each build checks against its emulation first. Then B=4, H=32, N = 4k and 16k,
# median of 50, the builds interleaved, two rounds.
# Carry kernels/tools/out (ab.sh build m80 "" compute_80; ab.sh build m80w8 w8d64.h compute_80;
# ab.sh build m80w4 w4d128.h compute_80; ab.sh pack m80 m80w8 m80w4).
set -u
source kernels/tools/device-steps.sh shapes80
for b in m80 m80w8 m80w4; do
  step check-$b 120 kernels/tools/out/kcheck_$b --no-perf --check-methods fp16,int8half,int8,int8plus
done
smi
cat > "$w/perf.sh" <<'AB'
set -u
logs=$1
mkdir -p "$logs"
for round in 1 2; do
  for n in 4096 16384; do
    for b in m80 m80w8 m80w4; do
      kernels/tools/out/kcheck_$b --no-check --reps 50 --perf-n $n \
        --perf-methods fp16,int8half,int8,int8plus > "$logs/perf_${b}_n${n}_${round}.txt" 2>&1
    done
  done
done
for b in m80 m80w8 m80w4; do
  echo "== $b (TFLOP/s, then x vs fp16 of the same process), rounds 1 and 2"
  grep -h "^perf [a-z0-9]* *D=" "$logs"/perf_${b}_n*_[12].txt | awk '{print $2, $3, $4, $7, $9}' | sort -s -k2,2 -k3,3V -k1,1 \
    | awk '{k=$1" "$2" "$3; a[k]=a[k]"  "$4" "$5} END {for (k in a) print k a[k]}' | sort -k2,2 -k3,3V -k1,1
done
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w"/check-*.log
tail -n 50 "$w/perf.log"
