#!/usr/bin/env bash
# One device call: kcheck run 92 (run92.sh). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh u2
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step run92 400 bash results/2026-12-03-h200-unroll2/run92.sh "$w/run92"
smi
cat "$w/steps.txt"
tail -25 "$w/run92.log"
