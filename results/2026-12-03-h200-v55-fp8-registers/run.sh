#!/usr/bin/env bash
# One device call (stop 38), run from the repository root: kernels v55, fp8 and fp8-e4m3 widened
# in registers on the mma.sync path, checked and timed against v54 (cb10394) as the compute_80 PTX
# (an A100's path; sm_80 has no FP8 cvt) and as the compute_89 PTX (an Ada card's path, the cvt
# in hardware), both JIT-compiled on the H200; then the Java tool end to end on that path.
#   here: bash kernels/tools/ab.sh build m80 HEAD compute_80        # cb10394 (v54)
#         bash kernels/tools/ab.sh build v55 "" compute_80          # the working tree (v55)
#         bash kernels/tools/ab.sh build v55w fp_d128_2m.h compute_80  # v55, D = 128 on fp16's shape
#         bash kernels/tools/ab.sh build m89 HEAD compute_89
#         bash kernels/tools/ab.sh build v89 "" compute_89
#         bash kernels/tools/ab.sh pack m80 v55 v55w m89 v89
#         bash scripts/gpu-bundle.sh && bash scripts/gpu-ptx-bundle.sh  # .gpu (jar) and .gpu/ptx
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v55-fp8-registers/run.sh
set -u
source kernels/tools/device-steps.sh v55
step check-v55 90 kernels/tools/out/kcheck_v55 --no-perf --check-methods fp16,fp8e5m2,fp8e4m3
step check-v55w 60 kernels/tools/out/kcheck_v55w --no-perf --check-methods fp8e5m2,fp8e4m3
step check-v89 60 kernels/tools/out/kcheck_v89 --no-perf --check-methods fp8e5m2,fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in m80 v55; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
      [ $d = 128 ] && kperf v55w_d${d}_n$n v55w --perf-d $d --perf-n $n --perf-methods fp8e5m2,fp8e4m3
    done
    for b in m89 v89; do kperf ${b}_d${d}_n4096 $b --perf-d $d --perf-n 4096 --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
done
kcheck_summary
AB
step perf 220 bash "$w/perf.sh" "$w/perf"
smi
# The Java tool on the mma.sync path (the jar with PTX-only fatbins, scripts/gpu-run.sh --ptx).
step selftest-mma-sync 120 bash scripts/gpu-run.sh --ptx selftest --method fp16,fp8,fp8-e4m3
step bench-mma-sync 60 bash scripts/gpu-run.sh --ptx bench --method fp16,fp8,fp8-e4m3 --seq-len 1024,4096,16384 \
  --head-dim 64,128 --out "$w/bench-mma-sync"
left=$(( device_budget - ($(date +%s) - device_start) ))
[ $left -gt 100 ] && step sanitizer-racecheck-mma-sync $(( left - 10 )) compute-sanitizer --tool racecheck \
  --target-processes all --print-limit 50 bash scripts/gpu-run.sh --ptx selftest --no-timing-check --quick \
  --method fp8,fp8-e4m3
smi
cat "$w/steps.txt"
grep -H "== correctness" "$w"/check-*.log
cat "$w/perf.log"
tail -4 "$w"/selftest-*.log
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
