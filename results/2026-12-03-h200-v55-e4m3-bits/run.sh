#!/usr/bin/env bash
# One device call (stop 38), run from the repository root: kernels v55 as shipped, fp8 and
# fp8-e4m3 widened in registers on the mma.sync path, e4m3 by three integer operations to 2^-8 of
# its value (the scale folded into r and fs), D = 128 on fp16's shape (two m-tiles, Q from shared
# memory), against v54 (cb10394) and against fp8-e4m3 on the widening pass on v55's shapes; as
# the compute_80 PTX (an A100's path) and the compute_89 PTX (an Ada card's), JIT-compiled on the
# H200. Then the Java tool end to end on the compute_80 path.
#   here: kcheck_m80, kcheck_m89: cb10394 (as in ../2026-12-03-h200-v55-fp8-registers)
#         bash kernels/tools/ab.sh build v56 "" compute_80          # the working tree (v55)
#         bash kernels/tools/ab.sh build v56p e4m3_pass.h compute_80  # fp8-e4m3 on the widening pass
#         bash kernels/tools/ab.sh build v96 "" compute_89
#         bash kernels/tools/ab.sh build v96p e4m3_pass.h compute_89
#         bash kernels/tools/ab.sh pack m80 m89 v56 v56p v96 v96p
#         bash scripts/gpu-bundle.sh && bash scripts/gpu-ptx-bundle.sh  # .gpu (jar) and .gpu/ptx
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v55-e4m3-bits/run.sh
set -u
source kernels/tools/device-steps.sh v55b
step check-v56 90 kernels/tools/out/kcheck_v56 --no-perf --check-methods fp8e5m2,fp8e4m3
step check-v96 90 kernels/tools/out/kcheck_v96 --no-perf --check-methods fp8e5m2,fp8e4m3
step check-v56p 60 kernels/tools/out/kcheck_v56p --no-perf --check-methods fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in m80 v56; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
      kperf v56p_d${d}_n$n v56p --perf-d $d --perf-n $n --perf-methods fp8e4m3
    done
    kperf m89_d${d}_n4096 m89 --perf-d $d --perf-n 4096 --perf-methods fp16,fp8e5m2,fp8e4m3
    kperf v96_d${d}_n4096 v96 --perf-d $d --perf-n 4096 --perf-methods fp16,fp8e5m2,fp8e4m3
    kperf v96p_d${d}_n4096 v96p --perf-d $d --perf-n 4096 --perf-methods fp8e4m3
  done
done
kcheck_summary
AB
step perf 230 bash "$w/perf.sh" "$w/perf"
smi
step selftest-mma-sync 110 bash scripts/gpu-run.sh --ptx selftest --method fp16,fp8,fp8-e4m3
step bench-mma-sync 60 bash scripts/gpu-run.sh --ptx bench --method fp16,fp8,fp8-e4m3 --seq-len 1024,4096,16384 \
  --head-dim 64,128 --out "$w/bench-mma-sync"
left=$(( device_budget - ($(date +%s) - device_start) ))
[ $left -gt 60 ] && step sanitizer-racecheck-mma-sync $(( left - 10 )) compute-sanitizer --tool racecheck \
  --target-processes all --print-limit 50 bash scripts/gpu-run.sh --ptx selftest --no-timing-check --quick \
  --method fp8,fp8-e4m3
smi
cat "$w/steps.txt"
grep -H "== correctness" "$w"/check-*.log
cat "$w/perf.log"
tail -3 "$w"/selftest-*.log
grep -h "RACECHECK SUMMARY" "$w"/sanitizer-*.log
