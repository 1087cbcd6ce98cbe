#!/usr/bin/env bash
# One device call: kcheck run 90 (run90.sh). Outputs: this folder.
set -u
source kernels/tools/device-steps.sh v46p
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step run90 400 bash results/2026-12-03-h200-v46-probes/run90.sh "$w/run90"
smi
cat "$w/steps.txt"
grep -h "^check" "$w/run90.log"
