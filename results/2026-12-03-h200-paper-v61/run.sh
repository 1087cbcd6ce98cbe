#!/usr/bin/env bash
# One device call (stop 41), run from the repository root: kernels v61 as shipped: fp8-e4m3's
# widening converts each pair by F2FP on a half named in PTX (results/2026-12-03-h200-v61-e4m3).
# Only attn_fp8e4m3_d64 / _d128 changed (sm_90a and sm_89 SASS); the values are the same bits.
#   1. kcheck of every entry (main and short) against its emulation, outputs poisoned;
#   2. the Java selftest of fp8 and fp8-e4m3 (every shape, both D), compute-sanitizer racecheck
#      and memcheck over fp8-e4m3 (quick);
#   3. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it;
#   4. bench of fp16, fp8, fp8-e4m3 at D = 128, N = 1k / 4k / 16k;
#   5. kcheck, v60 against v61, fp8-e4m3 at D = 128, N = 4k in six interleaved rounds: two calls
#      read that shape +3.1% and −9.7% (bimodal in both binaries).
#   here: bash scripts/gpu-bundle.sh (.gpu); the kcheck binaries of results/2026-12-03-h200-v61-e4m3
#         (base = v60, e4p = v61's kernels: the same source but for a comment), ab.sh pack base e4p
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-03-h200-paper-v61/run.sh
set -u
source kernels/tools/device-steps.sh v61
step kcheck 60 kernels/tools/out/kcheck_e4p --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_e4p --no-perf --short
step selftest-fp8 150 bash scripts/gpu-run.sh selftest --method fp8,fp8-e4m3
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
step bench 60 bash scripts/gpu-run.sh bench --method fp16,fp8,fp8-e4m3 --seq-len 1024,4096,16384 --head-dim 128 \
  --out "$w/bench"
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3 4 5 6; do
  for b in base e4p; do kperf ${b}_d128_n4096 $b --perf-d 128 --perf-n 4096 --perf-methods fp16,fp8e4m3; done
done
kcheck_summary
AB
step perf 60 bash "$w/perf.sh" "$w/perf"
sanitize racecheck 50 e4m3 --quick --method fp8-e4m3
sanitize memcheck 40 e4m3 --quick --method fp8-e4m3
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 2 "$w/selftest-fp8.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md" | cut -c1-120
grep -h "^fp16,\|^int8,\|^fp8,\|^fp8-e4m3," "$w/reproduce/latency.csv" | grep ",kernel," | grep ",false," | cut -d, -f1,4,5,8,12
cut -d, -f1,4,5,8,12 "$w/bench/latency.csv"
cat "$w/perf.log"
