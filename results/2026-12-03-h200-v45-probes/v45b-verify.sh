#!/usr/bin/env bash
# One device call: kcheck run 89 (run89.sh) and the full selftest of kernels v45 at D = 128 (every
# entry, every shape of the selftest: N = 1, 17, 1000, 1025, 4096, B=1/H=1 and B=4/H=32, causal both
# ways), which v45 changed for int8-half and the INT8-P kernels. Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v45b
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step run89 240 bash results/2026-12-03-h200-v45-probes/run89.sh "$w/run89"
step selftest-d128 330 bash scripts/gpu-run.sh selftest --head-dim 128 --seed 50
smi
cat "$w/steps.txt"
cat "$w/run89.log"
grep -h "passed, .* failed" "$w/selftest-d128.log" | tail -1
grep -h "^FAIL" "$w/selftest-d128.log" | head
