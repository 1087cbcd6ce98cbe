#!/usr/bin/env bash
# One device call (stop 39), run from the repository root: a candidate ("wide", widen_addresses.patch
# on 9369cda; not shipped, see NOTES.md) against v57 for the FP8-storage kernels on sm_90a. Its
# widening producers address a thread's chunks as one offset plus constants (widen_fp8_tile,
# kRawSwizzled), hoisted out of their block loop; v57's make every chunk's address anew each block.
#   here: bash kernels/tools/ab.sh build cur (v57 + ATTN_WS_LOAD_STAGES, same SASS) and
#         bash kernels/tools/ab.sh build wide (the tree with the patch); bash kernels/tools/ab.sh pack cur wide;
#         bash scripts/gpu-bundle.sh (.gpu, with the patch)
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v56-widen-addresses/run.sh
set -u
source kernels/tools/device-steps.sh v58  # the tag of the tarball only
step check 60 kernels/tools/out/kcheck_wide --no-perf --check-methods fp8e5m2,fp8e4m3
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in cur wide; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
    done
  done
done
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
step selftest 150 bash scripts/gpu-run.sh selftest --method fp8,fp8-e4m3
sanitize racecheck 70 fp8 --quick --method fp8,fp8-e4m3
sanitize memcheck 40 fp8 --quick --method fp8,fp8-e4m3
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w/check.log"
cat "$w/perf.log"
tail -2 "$w/selftest.log"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY\|passed," "$w"/sanitizer-*.log
