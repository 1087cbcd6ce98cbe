#!/usr/bin/env bash
# One device call (stop 48): the main job again with the tool as stop 48 leaves it (kernels v71,
# unchanged): reproduce --config configs/paper.yaml --peer torch-sdpa, twice, normal(0,1) inputs, at
# the authors' softmax scale 1.3 (the config's). Runs 3 and 4 beside stop 47's two
# (../2026-12-04-h200-paper-scale), for the spread of the headline from run to run.
#   here: scripts/gpu-bundle.sh
#   device (carry .gpu): bash results/2026-12-04-h200-paper-stop48/run.sh
set -u
source kernels/tools/device-steps.sh paper48
begin_call
for r in 3 4; do
  step "reproduce-r$r" 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml \
    --peer torch-sdpa --out "$w/normal-r$r"
  nvidia-smi --query-gpu=clocks.sm,temperature.gpu,power.draw --format=csv > "$w/smi-after-r$r.txt"
done
smi
pack
cat "$w/steps.txt"
for r in 3 4; do grep -A3 "faster than FP16" "$w/normal-r$r/REPORT.md" | head -4; done
