#!/usr/bin/env bash
# Call 2: does cuDNN's FP16 attention respond to its inputs as ours does? In call 1 our fp16 ran
# 5-6% faster at 16k on uniform(0,1) inputs and PyTorch's cuDNN backend did not move. Here, at
# N=16k, D=64 and 128, three rounds: the peer script alone (cuDNN) and our bench's fp16 on normal,
# uniform(0,1) and near-constant inputs; first a check of what the script's draw() gives; last a
# quick reproduce with the peer on uniform inputs, whose run.json records the peer's flags.
# Run on the device from the repository root: bash results/2026-12-04-h200-paper-inputs/run2.sh
source kernels/tools/device-steps.sh peercheck
begin_call
S=src/main/resources/scripts/torch_sdpa_bench.py
step draw-check 60 python3 -c "
import sys; sys.path.insert(0, 'src/main/resources/scripts')
import torch, torch_sdpa_bench as t
dev = torch.device('cuda')
for spec in ('normal(0,1)', 'uniform(0,1)', 'uniform(1,1.0009765625)'):
    g = torch.Generator(device=dev).manual_seed(0)
    x = t.draw(torch, (4, 32, 1024, 64), t.distribution(spec), g, dev).float()
    print(spec, 'min %.4f max %.4f mean %.4f std %.4f distinct %d' % (x.min(), x.max(), x.mean(), x.std(), x.unique().numel()))
"
for round in 1 2 3; do
  for d in "normal(0,1)" "uniform(0,1)" "uniform(1,1.0009765625)"; do
    tag=$(printf '%s' "$d" | tr -c 'a-z0-9.' '_')
    step "cudnn-$tag-r$round" 60 python3 "$S" --backend cudnn --seq-len 16384 --head-dim 64,128 \
      --inputs "$d" --out "$w/cudnn-$tag-r$round.csv"
    step "fp16-$tag-r$round" 60 bash scripts/gpu-run.sh bench --method fp16 --seq-len 16384 \
      --head-dim 64,128 --input-dist "$d" --out "$w/fp16-$tag-r$round"
  done
done
step reproduce-quick-uniform 120 bash scripts/gpu-run.sh reproduce --config configs/quick.yaml \
  --peer torch-sdpa --input-dist "uniform(0,1)" --out "$w/quick-uniform"
