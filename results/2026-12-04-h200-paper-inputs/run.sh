#!/usr/bin/env bash
# The main job on two kinds of inputs: reproduce --config configs/paper.yaml --peer torch-sdpa with
# --input-dist normal (the default, the paper's torch.randn) and uniform(0,1) (the paper's
# torch.rand), two rounds in alternating order, so that PyTorch's FP16 backends are timed on the
# same inputs as our kernels. Then --resume of a normal run with uniform inputs, which must be
# refused (exit 2) before anything runs.
# Run on the device from the repository root: bash results/2026-12-04-h200-paper-inputs/run.sh
source kernels/tools/device-steps.sh paperinputs
begin_call
run() {  # run ROUND DIST TAG
  step "reproduce-$3-r$1" 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml \
    --peer torch-sdpa --input-dist "$2" --out "$w/$3-r$1"
  smi
  cp "$w/smi.txt" "$w/smi-after-$3-r$1.txt"
  pack
}
run 1 normal normal
run 1 "uniform(0,1)" uniform
run 2 "uniform(0,1)" uniform
run 2 normal normal
step resume-other-inputs 60 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml \
  --input-dist "uniform(0,1)" --resume "$w/normal-r1"
