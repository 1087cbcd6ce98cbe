#!/usr/bin/env bash
# One device call (stop 41), run from the repository root: how the e4m3 widening converts its
# codes on sm_90a, against v60 (base), fp8-e4m3 only (fp16 in each binary as the clock's witness).
# v61-ab found e4m3 the slower of the two FP8-storage kernels (576 against e5m2's 603 at D = 128,
# 16k), and e4p (F2FP on a named half) +1.4-3.1% on it. F2FP runs on a conversion pipe; the
# integer form that sm_80 uses (PRMT, shift, two LOP3, HMUL2: all full-rate ALU / FMA pipes) takes
# more issue slots but may not wait on that pipe:
#  - e4p:  every pair by F2FP.F16.E4M3.UNPACK_B on a named half (../2026-12-03-h200-v61-ab/e4p.diff);
#  - bits: every pair by the integer form (bits.diff; diffs against v60);
#  - mix:  e4p for the first 8 codes of each 16, the integer form for the other 8 (mix.diff).
# All three build spill-free (sm_90a, 128 registers).
#   here: kcheck from HEAD (v60) with each diff applied, nvcc -O3 sm_90a;
#         bash kernels/tools/ab.sh pack base e4p bits mix
#   device (carry kernels/tools/out): bash results/2026-12-03-h200-v61-e4m3/run.sh
set -u
source kernels/tools/device-steps.sh v61e4m3
for b in bits mix; do
  step check-$b 60 kernels/tools/out/kcheck_$b --no-perf --check-methods fp8e4m3
done
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in base e4p bits mix; do
        kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e4m3
      done
    done
  done
  for n in 1024 2048; do
    for b in base e4p bits mix; do
      kperf ${b}_d128c_n$n $b --perf-causal --perf-d 128 --perf-n $n --perf-methods fp16,fp8e4m3
    done
  done
done
kcheck_summary
AB
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w"/check-*.log
cat "$w/perf.log"
