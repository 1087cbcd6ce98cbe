#!/usr/bin/env bash
# One device call (kcheck run 59 and a Java run of the v35 candidate; ran from the folder
# results/2026-12-02-h200-v34-sweeps, renamed since):
# (1) `kcheck_late` (late.h, ATTN_FOLD_LATE=1: INT8's fold at D=64 under the next round's Q·Kᵀ;
#     the v35 candidate) against `kcheck_v34` (v34's tree), checked, then timed at D=64;
# (2) the softmax skipped (ATTN_SKELETON, `kcheck_v34skel`, ../2026-12-02-h200-v33-skeleton/skel.h)
#     against v34 at N=16k: the schedule's ceiling now that the fold is one FFMA;
# (3) the bundle (the v35 candidate's jar): quick selftest and the paper's grid with PyTorch.
set -u
source kernels/tools/device-steps.sh v35
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step late 150 env OUT="$w/late" CHECK=late CHECK_TIMEOUT=60 PERF_ARGS="--perf-d 64 --perf-methods fp16,int8,int8plus,int8u8p,int8qsum" bash kernels/tools/ab.sh run v34 late
step skel-n16384 60 env OUT="$w/skel_n16384" PERF_ARGS="--perf-n 16384 --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run v34 v34skel
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 36
step reproduce 180 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
cat "$w/steps.txt"
echo "== late"; grep -h "^check\|^== \|^[a-z]" "$w/late.log"
echo "== skel n16384"; sed -n '/^== v34 /,$p' "$w/skel-n16384.log"
grep -h "passed, .* failed\|timing:" "$w/selftest-quick.log" | tail -2
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
