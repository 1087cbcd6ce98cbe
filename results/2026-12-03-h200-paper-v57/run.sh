#!/usr/bin/env bash
# One device call (stop 39), run from the repository root: the product's main job on kernels v57
# (`ed188c1`: v56's warp-specialized FP8-storage kernels on sm_90a, v57's FP8 quantizers below
# sm_89), on both instruction paths:
#   1. the sm_90a image (what an H100 / H200 runs): reproduce --config configs/paper.yaml with
#      PyTorch's FP16 backends beside it;
#   2. the compute_80 PTX (the A100's mma.sync code, JIT-compiled): the same grid;
#   3. what separates v56's fp8 from fp16 on wgmma: fp16 with 64-key blocks (f16b64: v57 with
#      fp16_bc64.h), fp8's, against v57 (fp16 at 128) in kcheck, fp16 at 64 checked first.
#   here: bash scripts/gpu-bundle.sh; bash scripts/gpu-ptx-bundle.sh        (.gpu, .gpu/ptx)
#         bash kernels/tools/ab.sh build v57; bash kernels/tools/ab.sh build f16b64 .../fp16_bc64.h
#         bash kernels/tools/ab.sh pack v57 f16b64
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-03-h200-paper-v57/run.sh
set -u
source kernels/tools/device-steps.sh v57
step reproduce 240 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
step reproduce-mma-sync 300 bash scripts/gpu-run.sh --ptx reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce-mma-sync"
step check-f16b64 120 kernels/tools/out/kcheck_f16b64 --no-perf --check-methods fp16
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 4096 16384; do
      for b in v57 f16b64; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2; done
    done
  done
done
kcheck_summary
AB
step perf 150 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w/check-f16b64.log"
cat "$w/perf.log"
for r in reproduce reproduce-mma-sync; do
  echo "== $r"
  grep -h "^| int8 speedup over fp16" "$w/$r/REPORT.md"
  grep -h "^fp16,\|^int8,\|^fp8,\|^fp8-native,\|^torch-flash" "$w/$r/latency.csv" | grep ",kernel,\|^torch" \
    | grep ",16384," | cut -d, -f1,4,5,8,12,14
done
