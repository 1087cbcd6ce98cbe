#!/usr/bin/env bash
# Third and fourth H100 calls: timers.py with spins right after load (the first call's bench read 2,040-2,080 MHz
# after its long points, over the card's 1,980 maximum; the second call's idle spins read 1,980.0 by
# all three clocks), and the D = 64 bench of fp16 and int8 with every sample's clock saved.
set -u
source kernels/tools/device-steps.sh h100clock
smi
step timers 150 python3 results/2026-12-02-h100-paper-v40/timers.py target/classes/kernels/fill.fatbin
step bench-samples 200 bash scripts/gpu-run.sh bench --method fp16,int8 --seq-len 4096,16384 --head-dim 64 \
  --save-samples --out "$w/bench-samples"
smi
cat "$w/steps.txt"
cat "$w/timers.log"
grep -h "kernel" "$w/bench-samples.log" | tail -4
for f in "$w"/bench-samples/samples/*.csv; do echo "$f"; awk -F, 'NR>1 {print $3}' "$f" | sort -n | awk '{a[NR]=$1} END {print "clock min", a[1], "median", a[int((NR+1)/2)], "max", a[NR], "n", NR}'; done
