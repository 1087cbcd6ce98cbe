#!/usr/bin/env bash
# The third device call of stop 48: run2.sh's interrupted bench kept its 50 points and resumed, but
# said nothing when interrupted (the latency sweep had no notice; the commit this call ran adds it).
# The same bench, interrupted after 10 s, and the interrupted log's last lines.
#   here: scripts/gpu-bundle.sh
#   device (carry .gpu): bash results/2026-12-04-h200-stop48-tool/run3.sh
set -u
source kernels/tools/device-steps.sh tool48c
begin_call
b=(--method fp16,fp8,int8-half,int8,int8-plus --seq-len 1024,2048,4096,8192,16384 --head-dim 64,128
   --scope both)
step bench-interrupted-2 60 timeout -s INT 10 bash scripts/gpu-run.sh bench "${b[@]}" --out "$w/bench2"
smi
pack
cat "$w/steps.txt"
tail -n 3 "$w/bench-interrupted-2.log"
grep -c "" "$w/bench2/latency.csv"
