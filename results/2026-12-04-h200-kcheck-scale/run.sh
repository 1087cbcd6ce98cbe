#!/usr/bin/env bash
# One device call (stop 48): kcheck's --scale (added in stop 47, not yet run on a GPU) at the
# authors' 1.3. Every entry (main, short, mid) checked against its emulation at 1.3, then the
# kernels timed at 1/sqrt(D) and at 1.3 alternately (L2 emptied before each sample, median of 20),
# two rounds, B = 4, H = 32, non-causal, D = 64 and 128, N = 1k, 4k and 16k. kcheck_s47 is
# kernels v71 with the tool of 0b9a785.
#   here: ab.sh build s47; ab.sh pack s47
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-kcheck-scale/run.sh
set -u
source kernels/tools/device-steps.sh kscale
begin_call
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=fp16,int8half,int8,int8plus,fp8native
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      kperf d${d}_n${n}_isqrt s47 --perf-d $d --perf-n $n --perf-methods $m --perf-cold
      kperf d${d}_n${n}_s1.3 s47 --perf-d $d --perf-n $n --perf-methods $m --perf-cold --scale 1.3
    done
  done
done
kcheck_summary
AB
cat > "$w/check.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check main_s1.3 s47 --scale 1.3
kcheck_check short_s1.3 s47 --scale 1.3 --short
kcheck_check mid_s1.3 s47 --scale 1.3 --mid
kcheck_check main_isqrt s47
AB
step check 200 bash "$w/check.sh" "$w/check"
step perf 300 bash "$w/perf.sh" "$w/perf"
smi
pack
cat "$w/steps.txt"
grep -h "^check" "$w/check.log"
tail -25 "$w/perf.log"
