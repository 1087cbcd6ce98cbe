#!/usr/bin/env bash
# Call 3: in call 1's reproduce runs PyTorch's cuDNN backend read the same time on normal and
# uniform(0,1) inputs, while in call 2, run alone at N=16k, it ran 4-6% faster on uniform ones.
# Here the peer script with reproduce's own flags (every N, flash then cuDNN, both D), on normal
# and uniform(0,1) in alternation, two rounds; then twice at N=16k alone, as in call 2.
# Run on the device from the repository root: bash results/2026-12-04-h200-paper-inputs/run3.sh
source kernels/tools/device-steps.sh peerctx
begin_call
S=src/main/resources/scripts/torch_sdpa_bench.py
ALL=(--batch 4 --heads 32 --seq-len 1024,2048,4096,8192,16384 --head-dim 64,128 --causal false
     --stdrel 0.005 --budget-s 2.0 --backend flash,cudnn --l2-flush write)
for round in 1 2; do
  for d in "normal(0,1)" "uniform(0,1)"; do
    tag=$(printf '%s' "$d" | tr -c 'a-z0-9.' '_')
    step "all-$tag-r$round" 90 python3 "$S" "${ALL[@]}" --inputs "$d" --out "$w/all-$tag-r$round.csv"
    smi; cp "$w/smi.txt" "$w/smi-after-all-$tag-r$round.txt"
  done
done
for round in 1 2; do
  for d in "normal(0,1)" "uniform(0,1)"; do
    tag=$(printf '%s' "$d" | tr -c 'a-z0-9.' '_')
    step "16k-$tag-r$round" 60 python3 "$S" --backend cudnn --seq-len 16384 --head-dim 64,128 \
      --inputs "$d" --out "$w/16k-$tag-r$round.csv"
  done
done
pack
