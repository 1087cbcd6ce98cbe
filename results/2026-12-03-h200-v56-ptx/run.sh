#!/usr/bin/env bash
# One device call (stop 39), run from the repository root, the Java tool on PTX-only jars
# (scripts/gpu-run.sh --ptx) at kernels v56 (`e651593`; the mma.sync code is v55's):
#   1. compute_89, an Ada card's code (mma.sync with the FP8 cvt and the e4m3 mma): the quick
#      selftest of every method, and a short bench;
#   2. kernels/candidates/fp8-quant-bits.diff on compute_80: end-to-end bench (quantize + attend)
#      of fp8 and fp8-e4m3 with (ptxqb) and without (ptx80) it, two interleaved rounds, and the
#      quick selftest of both methods with it (the GPU quantizers against the emulation's).
#   here: bash scripts/gpu-bundle.sh; bash scripts/gpu-ptx-bundle.sh compute_89; mv .gpu/ptx .gpu/ptx89
#         bash scripts/gpu-ptx-bundle.sh compute_80     (.gpu/ptx, v56 = base)
#         .gpu/ptxqb: .gpu/ptx with quantize.fatbin built (compute_80) from kernels/ + the diff
#   device (carry .gpu): bash results/2026-12-03-h200-v56-ptx/run.sh
set -u
source kernels/tools/device-steps.sh v56b
cp -r .gpu/ptx .gpu/ptx80
use_ptx() { rm -rf .gpu/ptx && cp -r ".gpu/$1" .gpu/ptx; }
use_ptx ptx89
step selftest-sm89 180 bash scripts/gpu-run.sh --ptx selftest --quick
step bench-sm89 60 bash scripts/gpu-run.sh --ptx bench --method fp16,fp8,fp8-e4m3,fp8-native,int8 --seq-len 1024,4096 \
  --head-dim 64,128 --out "$w/bench-sm89"
for round in 1 2; do
  for b in ptx80 ptxqb; do
    use_ptx $b
    step e2e-$b-$round 60 bash scripts/gpu-run.sh --ptx bench --scope end-to-end --method fp8,fp8-e4m3 \
      --seq-len 1024,4096 --head-dim 64,128 --out "$w/e2e-$b-$round"
  done
done
use_ptx ptxqb
step selftest-qb 120 bash scripts/gpu-run.sh --ptx selftest --quick --method fp8,fp8-e4m3
smi
cat "$w/steps.txt"
for f in "$w"/selftest-*.log; do echo "$f"; grep -v "^PASS" "$f" | tail -4; done
for d in "$w"/e2e-*; do echo "$(basename "$d"): $(tail -n +2 "$d/latency.csv" | cut -d, -f1,4,5,8 | tr '\n' ' ')"; done
cut -d, -f1,4,5,8,12 "$w/bench-sm89/latency.csv"
