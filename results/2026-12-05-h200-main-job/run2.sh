#!/usr/bin/env bash
# Stop 55's second device call (carrying .gpu and call 1's reproduce folder as paper/): the quick
# selftest at both scales; bench interrupted with SIGINT after 25 s and then resumed (the history
# run.json keeps, on a real GPU); jmh into paper/ and its report redrawn with the JMH section.
set -u
source kernels/tools/device-steps.sh main2
begin_call
d=results/2026-12-05-h200-main-job
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 44 --softmax-scale rsqrt
step selftest-quick-1.3 150 bash scripts/gpu-run.sh selftest --quick --seed 45 --softmax-scale 1.3
args=(bench --method fp16,int8,int8-half,fp8-native --seq-len 1024,2048,4096,8192,16384 --head-dim 64,128)
step bench-interrupted 60 timeout -s INT 25 bash scripts/gpu-run.sh "${args[@]}" --out "$w/bench"
ls -la "$w/bench" > "$w/bench-after-interrupt.txt" 2>&1
step bench-resumed 240 bash scripts/gpu-run.sh "${args[@]}" --resume "$w/bench"
step jmh 180 bash scripts/gpu-run.sh jmh --out "$d/paper"
step report 60 bash scripts/gpu-run.sh report "$d/paper"
cp -r "$d/paper" "$w/paper"
smi
pack
cat "$w/steps.txt"
tail -3 "$w/bench-interrupted.log" "$w/bench-resumed.log"
grep -h "passed, .* failed" "$w"/selftest-*.log
