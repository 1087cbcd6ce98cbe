#!/usr/bin/env bash
# Stop 55's third device call (carrying .gpu and .authors): call 2's bench finished its 40 points
# before the SIGINT came, so bench is interrupted again here on 80 points (both maskings, both
# scopes) after 15 s and resumed with --resume alone (which takes the flags run.json recorded, new
# in this stop), and resumed once more when complete (the history must stay as it was); then stop 51's
# lost fourth call, the authors' causal check (results/2026-12-04-h200-authors-peer/run4.sh).
set -u
source kernels/tools/device-steps.sh main3
begin_call
args=(bench --method fp16,int8 --seq-len 1024,2048,4096,8192,16384 --head-dim 64,128 --causal both
  --scope both --max-time-per-point 1)
step bench-interrupted 60 timeout -s INT 15 bash scripts/gpu-run.sh "${args[@]}" --out "$w/bench"
{ ls -la "$w/bench"; cat "$w/bench/run.json"; } > "$w/bench-after-interrupt.txt" 2>&1
step bench-resumed 200 bash scripts/gpu-run.sh bench --resume "$w/bench"
cp "$w/bench/run.json" "$w/bench-run-resumed.json"
step bench-resume-complete 30 bash scripts/gpu-run.sh "${args[@]}" --resume "$w/bench"
step causal-check2 240 python3 results/2026-12-04-h200-authors-peer/causal_check.py --authors .authors
smi
pack
cat "$w/steps.txt"
tail -n 4 "$w"/bench-*.log
tail -n 15 "$w/causal-check2.log"
