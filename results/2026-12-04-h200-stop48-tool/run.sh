#!/usr/bin/env bash
# One device call (stop 48): the tool as stop 48 leaves it, run as a user would on a GPU box, after
# the fixes of a fresh-user audit (run folders, resume, report checks, ETA, input ranges).
#   1. selftest --quick at its default scales (1/sqrt(D) and 1.3);
#   2. reproduce --config configs/quick.yaml twice with no --out (the second run of the day takes
#      the dated folder's -2);
#   3. bench interrupted by SIGINT after 25 s, then --resume: the points kept, the rest measured,
#      the progress lines (ETA) as printed.
#   here: scripts/gpu-bundle.sh
#   device (carry .gpu): bash results/2026-12-04-h200-stop48-tool/run.sh
set -u
source kernels/tools/device-steps.sh tool48
begin_call
step info 60 bash scripts/gpu-run.sh info
step selftest-quick 200 bash scripts/gpu-run.sh selftest --quick
step quick-1 120 bash scripts/gpu-run.sh reproduce --config configs/quick.yaml
step quick-2 120 bash scripts/gpu-run.sh reproduce --config configs/quick.yaml
cp -r results/*-quick* "$w/" 2>/dev/null
b=(--method fp16,int8,int8-plus --seq-len 1024,4096,16384 --head-dim 64,128)
step bench-interrupted 60 timeout -s INT 25 bash scripts/gpu-run.sh bench "${b[@]}" --out "$w/bench"
cp "$w/bench/latency.csv.partial" "$w/bench-partial-at-interrupt.csv" 2>/dev/null
step bench-resumed 150 bash scripts/gpu-run.sh bench "${b[@]}" --resume "$w/bench"
smi
pack
cat "$w/steps.txt"
grep -E "passed, .* failed" "$w/selftest-quick.log"
tail -n 2 "$w/quick-1.log" "$w/quick-2.log"
grep -E "interrupted|ETA" "$w/bench-interrupted.log" | tail -n 4
grep -E "ETA|wrote" "$w/bench-resumed.log" | tail -n 6
