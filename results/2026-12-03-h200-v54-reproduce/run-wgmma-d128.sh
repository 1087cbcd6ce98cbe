#!/usr/bin/env bash
# A second, short device call (stop 37): the quick grid's fp16 and int8-half accuracy at D = 128 on
# the sm_90a image (wgmma, the jar as built, 04c1504), to tell whether the GPU's MRE departing from the
# emulation's by ~2% on outlier inputs at D = 128 on mma.sync (reproduce-mma-sync) is the path's or both.
set -u
source kernels/tools/device-steps.sh v54wg
step accuracy-wgmma-d128 90 bash scripts/gpu-run.sh accuracy --config results/2026-12-03-h200-v54-reproduce/quick-both-d.yaml --method fp16,int8-half --head-dim 128 --backend cuda --out "$w/accuracy-wgmma-d128"
cat "$w/steps.txt"
grep "^fp16,outlier" "$w/accuracy-wgmma-d128/accuracy.csv" | cut -d, -f5,10,12,16
