#!/usr/bin/env bash
# One device call: kcheck run 98 (run98.sh). Outputs: this folder, run98/.
set -u
source kernels/tools/device-steps.sh fewer-mufu-98
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step run98 200 bash results/2026-12-03-h200-fewer-mufu/run98.sh "$w/run98"
smi
cat "$w/steps.txt"
cat "$w/run98.log"
