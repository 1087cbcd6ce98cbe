#!/usr/bin/env bash
# One device call (stop 49): the resume checks of this stop on the GPU, run as a user would.
#   1. bench interrupted by SIGINT after 12 s;
#   2. --resume with another --softmax-scale, then another --l2-flush: both refused (exit 2), the
#      folder's kept rows untouched;
#   3. --resume with the same flags: the rest measured;
#   4. reproduce --config configs/quick.yaml twice at once, no --out: two folders (-2).
#   here: scripts/gpu-bundle.sh
#   device (carry .gpu): bash results/2026-12-04-h200-stop49-tool/run.sh
set -u
source kernels/tools/device-steps.sh tool49
begin_call
b=(--method fp16,int8,int8-plus --seq-len 1024,2048,4096,8192,16384 --head-dim 64,128 --scope both)
step bench-interrupted 60 timeout -s INT 12 bash scripts/gpu-run.sh bench "${b[@]}" --out "$w/bench"
cp "$w/bench/latency.csv.partial" "$w/partial-at-interrupt.csv" 2>/dev/null
step resume-other-scale 60 bash scripts/gpu-run.sh bench "${b[@]}" --softmax-scale 0.125 --resume "$w/bench"
step resume-other-flush 60 bash scripts/gpu-run.sh bench "${b[@]}" --l2-flush read --resume "$w/bench"
cmp "$w/bench/latency.csv.partial" "$w/partial-at-interrupt.csv" && echo "kept rows untouched" >> "$w/steps.txt"
step bench-resumed 240 bash scripts/gpu-run.sh bench "${b[@]}" --resume "$w/bench"
mkdir -p "$w/quick" && cd "$w/quick"
root=$OLDPWD
( timeout 150 bash "$root/scripts/gpu-run.sh" reproduce --config configs/quick.yaml > "$w/quick-a.log" 2>&1 & 
  timeout 150 bash "$root/scripts/gpu-run.sh" reproduce --config configs/quick.yaml > "$w/quick-b.log" 2>&1 & wait )
echo "quick folders: $(ls results | tr '\n' ' ')" >> "$w/steps.txt"
cd "$root"
smi
pack
cat "$w/steps.txt"
tail -n 1 "$w/resume-other-scale.log" "$w/resume-other-flush.log"
grep -E "ETA|wrote" "$w/bench-resumed.log" | sed -n '1p;$p'
tail -n 1 "$w/quick-a.log" "$w/quick-b.log"
