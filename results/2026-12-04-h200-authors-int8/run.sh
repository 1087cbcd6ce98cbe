#!/usr/bin/env bash
# The authors' INT8 Triton kernel on the H200 (one device call, carrying .gpu and .authors, the
# authors' flash_atten_full_int8.py and configs.py at 7f7bfb0; scripts/authors_kernel.py says where
# they come from):
#   1. scripts/authors_kernel.py at D = 64, then 128 (autotuned over the authors' configs; PyTorch's
#      FP16 SDPA, FlashAttention-2 and cuDNN backends, in the same process);
#   2. our bench of fp16 and int8 at D = 64 in the same call, so that our kernels sit beside theirs.
set -u
source kernels/tools/device-steps.sh authors
begin_call
step authors-d64 240 python3 scripts/authors_kernel.py --authors .authors --head-dim 64 --out "$w/authors-d64.csv"
step authors-d128 200 python3 scripts/authors_kernel.py --authors .authors --head-dim 128 --out "$w/authors-d128.csv"
step ours-d64 100 bash scripts/gpu-run.sh bench --method fp16,int8 --head-dim 64 --out "$w/ours-d64"
smi
pack
cat "$w/steps.txt"
grep -h "^gpu\|runs\|probe\|^N=\|does not run\|Error" "$w/authors-d64.log" "$w/authors-d128.log"
