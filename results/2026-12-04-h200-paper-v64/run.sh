#!/usr/bin/env bash
# One device call (stop 43), run from the repository root: kernels v64 as shipped (15dcfd5): the
# INT8 quantize pipeline with its loads batched (../2026-12-04-h200-v64-quantize: candidate
# k128r2). Only quantize.cu's INT8 kernels and int8_v_transpose (V8t blocks of 128 keys) changed;
# every attention kernel's SASS is v63's.
#   1. kcheck of every entry (main and short) against its emulation, outputs poisoned (its operands
#      come from the v64 quantizers);
#   2. the Java selftest of the methods whose operands the v64 kernels make: int8 and int8-plus at
#      every shape (the device quantizers against the host's, bit for bit, with one head and with
#      B=4, H=32, N a multiple of the key padding and not), the other INT8 ones and fp8-native (its
#      V8t by int8_v_transpose) quick; compute-sanitizer racecheck and memcheck over int8's and
#      int8-plus's quick selftest at D = 64;
#   3. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it.
#   here: bash scripts/gpu-bundle.sh (.gpu); ab.sh build v64; ab.sh pack v64
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v64/run.sh
set -u
source kernels/tools/device-steps.sh v64
step kcheck 60 kernels/tools/out/kcheck_v64 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v64 --no-perf --short
step selftest-int8 150 bash scripts/gpu-run.sh selftest --method int8,int8-plus
step selftest-quick 120 bash scripts/gpu-run.sh selftest --quick \
  --method int8-half,fp8-native,int8+u8p,int8+qsum,int8+vchan
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
sanitize racecheck 60 int8 --quick --method int8,int8-plus --head-dim 64
sanitize memcheck 50 int8 --quick --method int8,int8-plus --head-dim 64
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 2 "$w"/selftest-*.log
grep -h "quantize" "$w"/selftest-*.log | cut -c1-110
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md" | cut -c1-120
grep -h "^fp16,\|^int8,\|^int8-plus,\|^fp8,\|^int8-half," "$w/reproduce/latency.csv" | grep ",false," | cut -d, -f1,4,5,7,8,12,14
