#!/usr/bin/env bash
# One device call: the paper's grid on the shipped kernels v50 (into ../2026-12-03-h200-paper-v50,
# as reproduce/), then Nsight Compute on the two D = 64 main entries whose key-block loop's unroll
# by two moved them in opposite directions (kcheck run 92): int8-plus (+2%, unrolled in v48) and
# int8 (−1%, not unrolled), each in both forms. kcheck_v50 is the shipped v50; kcheck_flip is v50
# with the unroll the other way round for those two (flip.diff: int8 and int8+u8p unrolled,
# int8-plus, int8+qsum, int8-half and fp8-native not). N = 16k, B = 4, H = 32, one launch each
# (kernels/tools/ncu.sh). Outputs: w/ncu-v50.tar.gz and w/ncu-flip.tar.gz, packed in v50b.tar.gz.
set -u
source kernels/tools/device-steps.sh v50b
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step reproduce 110 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
for b in v50 flip; do
  mkdir -p "$w/ncu-$b"
  step ncu-$b 200 env OUT="$w/ncu-$b" bash kernels/tools/ncu.sh $b "int8plus 64 attn_int8plus_d64" "int8 64 attn_int8_d64"
done
cat "$w/steps.txt"
cat "$w"/ncu-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
