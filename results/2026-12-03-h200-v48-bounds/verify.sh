#!/usr/bin/env bash
# One device call: kcheck run 94 (run94.sh). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh b48
smi
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step run94 300 bash results/2026-12-03-h200-v48-bounds/run94.sh "$w/run94"
cat "$w/steps.txt"
tail -16 "$w/run94.log"
