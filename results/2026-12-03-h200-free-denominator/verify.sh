#!/usr/bin/env bash
# One device call: kcheck run 96 (run96.sh). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh free-denominator
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step run96 300 bash results/2026-12-03-h200-free-denominator/run96.sh "$w/run96"
smi
cat "$w/steps.txt"
cat "$w/run96.log"
