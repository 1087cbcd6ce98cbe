#!/usr/bin/env bash
# One device call: kcheck run 97 (run97.sh). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh fewer-mufu
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step run97 300 bash results/2026-12-03-h200-fewer-mufu/run97.sh "$w/run97"
smi
cat "$w/steps.txt"
cat "$w/run97.log"
