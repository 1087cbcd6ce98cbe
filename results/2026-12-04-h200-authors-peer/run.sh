#!/usr/bin/env bash
# Stop 51's first device call (carrying .gpu and the ignored .authors folder, which holds the
# authors' flash_atten_full_int8.py and configs.py at 7f7bfb0 and the Triton tutorial's forward in
# its STAGE form as fused_attention_fwd.py): the new `reproduce --peer authors=DIR`.
#   1. the peer's script alone (python3, no Java): N = 1k, D = 64, non-causal and causal;
#   2. reproduce of peer-check.yaml (fp16 and int8 at N = 1k, 2k, D = 64 and 128, both maskings)
#      with both peers, through the jar.
set -u
source kernels/tools/device-steps.sh peer1
begin_call
d=results/2026-12-04-h200-authors-peer
step peer-direct 150 python3 src/main/resources/scripts/authors_peer.py --authors .authors \
  --seq-len 1024 --head-dim 64 --causal false,true --softmax-scale 1.3 --budget-s 0.5 \
  --out "$w/peer-direct.csv"
step peer-check 300 bash scripts/gpu-run.sh reproduce --config "$d/peer-check.yaml" \
  --peer torch-sdpa,authors=.authors --out "$w/peer-check"
smi
pack
cat "$w/steps.txt"
tail -n 8 "$w/peer-direct.log"; cat "$w/peer-direct.csv"
tail -n 30 "$w/peer-check/peer-authors.log" 2>/dev/null
grep -h "authors\|triton" "$w/peer-check/REPORT.md" 2>/dev/null | head -20
tail -n 15 "$w/peer-check.log"
