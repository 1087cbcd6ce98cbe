#!/usr/bin/env bash
# Nsight Compute on PyTorch's FP16 SDPA kernels (cuDNN and FlashAttention-2 backends), B=4, H=32,
# N=16k, D = 64 and 128, non-causal, on the GPU machine: bash results/2026-12-02-h200-ncu-cudnn/prof.sh
# Per backend and D: the details page of its attention kernel (launch shape, registers, shared
# memory, pipes, stalls), $OUT/ncu.tar.gz.
set -u
here=$(cd "$(dirname "$0")" && pwd)
o=$OUT/ncu
mkdir -p "$o"
ncu --version > "$o/ncu-path.txt" 2>&1
for spec in "cudnn 128" "cudnn 64" "flash 128"; do
  read -r b d <<< "$spec"
  name=${b}_d$d
  # The attention kernel is the one launch that takes over a millisecond: skip the randn and
  # warm-up launches by name (cuDNN's and FA2's kernels are named after their SM / fmha).
  timeout 170 ncu --clock-control none --section LaunchStats --section Occupancy --section SpeedOfLight \
    --section ComputeWorkloadAnalysis --section SchedulerStats --section WarpStateStats \
    -k "regex:(cudnn|fmha|flash|sm90|attn|xmma)" -c 2 python3 "$here/sdpa.py" "$b" "$d" > "$o/$name.details.txt" 2>&1
  echo "$name: ncu rc=$?"
done
tar -C "$OUT" -czf "$OUT/ncu.tar.gz" ncu
grep -h "^  [a-zA-Z_].*(.*)x(.*)\|Block Size\|Grid Size\|Registers Per Thread\|Dynamic Shared Memory Per Block\|Duration\|Issue Slots Busy" "$o"/*.details.txt | head -60
