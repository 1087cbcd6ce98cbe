#!/usr/bin/env bash
# The second device call of stop 48: run.sh's bench finished in 6 s, before its SIGINT at 25 s, and
# its progress read "ETA 2m21s" after the 1k points (fixed in the commit this call ran). Here a
# bench of 100 points (five methods, N = 1k … 16k, both D, both scopes) is interrupted after 12 s
# and resumed, with the progress lines as printed.
#   here: scripts/gpu-bundle.sh
#   device (carry .gpu): bash results/2026-12-04-h200-stop48-tool/run2.sh
set -u
source kernels/tools/device-steps.sh tool48b
begin_call
b=(--method fp16,fp8,int8-half,int8,int8-plus --seq-len 1024,2048,4096,8192,16384 --head-dim 64,128
   --scope both)
step bench-interrupted 60 timeout -s INT 12 bash scripts/gpu-run.sh bench "${b[@]}" --out "$w/bench"
cp "$w/bench/latency.csv.partial" "$w/bench-partial-at-interrupt.csv" 2>/dev/null
step bench-resumed 300 bash scripts/gpu-run.sh bench "${b[@]}" --resume "$w/bench"
smi
pack
cat "$w/steps.txt"
grep -E "interrupted|ETA" "$w/bench-interrupted.log" | tail -n 3
grep -cE "^\[" "$w/bench-resumed.log"
grep -E "ETA|wrote" "$w/bench-resumed.log" | sed -n '1p;10p;30p;50p;$p'
