#!/usr/bin/env bash
# One device call (stop 41), run from the repository root: the widening producers' addresses as
# one per phase plus constants (kernels v62 candidate), against v61 (base).
# ../2026-12-03-h200-v61-e4m3 found the producers' issue slots binding at D = 128 (the integer
# e4m3 conversion, more instructions, lost 12%). v61's rolled loop there makes each chunk's
# addresses from its row and chunk index: 25 of the 36 instructions a chunk. The candidate:
#  - wa:  each thread's three addresses made once per phase, each step's an immediate offset
#         (a chunk: LDS, 8 conversions, 2 STS and the loop's own 4-6); the two phases of the
#         paired rows one after the other; unroll as v61 (e5m2 2 rounds, e4m3 1 at D = 128);
#  - wa0: the same, fully unrolled at D = 128 too (full.h: no spill now);
#  - wa4: rounds fully unrolled, the two phases rolled (rounds.h).
# Only the four FP8-storage sm_90a entries change; sm_80 / sm_89 SASS is identical to v61's.
#   here: bash kernels/tools/ab.sh build base HEAD (v61); ab.sh build wa; ab.sh build wa0 .../full.h;
#         ab.sh build wa4 .../rounds.h; ab.sh pack base wa wa0 wa4
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v62-ab/run.sh
set -u
source kernels/tools/device-steps.sh v62ab
for b in wa wa0 wa4; do
  step check-$b 60 kernels/tools/out/kcheck_$b --no-perf --check-methods fp8e5m2,fp8e4m3
done
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 4096 16384; do
    for b in base wa wa0 wa4; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
    for b in base wa; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
  for n in 1024 2048; do
    for b in base wa wa0 wa4; do
      kperf ${b}_d128c_n$n $b --perf-causal --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
step racecheck-wa 150 compute-sanitizer --tool racecheck --print-limit 20 \
  kernels/tools/out/kcheck_wa --no-perf --check-methods fp8e5m2,fp8e4m3
tail -3 "$w/racecheck-wa.log"
cat "$w/steps.txt"
grep -h "== correctness" "$w"/check-*.log
cat "$w/perf.log"
