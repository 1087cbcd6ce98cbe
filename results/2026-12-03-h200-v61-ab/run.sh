#!/usr/bin/env bash
# One device call (stop 41), run from the repository root: two FP8-storage candidates against v60.
#  - split: kernels/candidates/fp8_split_raw_d128.diff (the raw stage's K and V halves loaded
#    and released apart at D = 128, so block kb+1's K arrives while block kb's V is widened);
#  - e4p:   e4m3 pairs widened by cvt.rn.f16x2.e4m3x2 on a half named in PTX (mov.b32 {lo, hi})
#    rather than cut out by a shift: 4 fewer SHF per 16 codes (e4p.diff here);
#  - both:  the two together.
#   here: kcheck built from HEAD (v60) and from HEAD with each diff applied, nvcc -O3 sm_90a,
#         then bash kernels/tools/ab.sh pack base e4p split both
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v61-ab/run.sh
set -u
source kernels/tools/device-steps.sh v61ab
for b in e4p split both; do
  step check-$b 60 kernels/tools/out/kcheck_$b --no-perf --check-methods fp8e5m2,fp8e4m3
done
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 4096 16384; do
    for b in base e4p split both; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
    for b in base e4p; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
  for n in 1024 2048; do
    for b in base e4p split both; do
      kperf ${b}_d128c_n$n $b --perf-causal --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
step racecheck-both 150 compute-sanitizer --tool racecheck --print-limit 20 \
  kernels/tools/out/kcheck_both --no-perf --check-methods fp8e5m2,fp8e4m3
tail -3 "$w/racecheck-both.log"
cat "$w/steps.txt"
grep -h "== correctness" "$w"/check-*.log
cat "$w/perf.log"
