#!/usr/bin/env bash
# One device call (stop 43), run from the repository root: fp8's end-to-end quantize (Q, K and V
# cast to e5m2, quant_fp8_e5m2, one grid-stride launch each) with its loads batched. Its loop
# (encode_all) loaded, converted and stored one 16-byte vector at a time, the form that kept one
# load in flight a thread in v63's V8t writer (../2026-12-04-h200-v64-quantize).
# Builds (kcheck, sm_90a):
#   f8base  kernels v64 with kcheck timing fp8's casts (the commit before the candidate)
#   f8b2    encode_all loading two vectors a thread before storing (26 registers: the grid of
#           1024 blocks still runs in one wave)
#   here: ab.sh build f8base REV; ab.sh build f8b2; ab.sh pack f8base f8b2; bash scripts/gpu-bundle.sh
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v65-fp8-casts/run.sh
set -u
source kernels/tools/device-steps.sh f8
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check f8b2 f8b2 --check-methods fp8e5m2,fp8e4m3
export KCHECK_REPS=20
for round in 1 2 3; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in f8base f8b2; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp8e5m2; done
    done
  done
done
grep -h "perf quantize" "$1"/perf_*.txt > /dev/null
for f in "$1"/perf_*_[123].txt; do
  t=$(basename "$f" .txt); t=${t#perf_}
  grep -h "perf quantize" "$f" | awk -v t="$t" '{print t, $5}'
done | sort > "$1/quantize.txt"
AB
step perf 150 bash "$w/perf.sh" "$w/perf"
# The Java side: the device casts against the host's, bit for bit (fp8 and fp8-e4m3, both D), and
# fp8 timed end to end beside its kernel.
step selftest 120 bash scripts/gpu-run.sh selftest --quick --method fp8,fp8-e4m3
step bench 120 bash scripts/gpu-run.sh bench --method fp16,fp8 --seq-len 1024,4096,16384 \
  --head-dim 64,128 --scope both --out "$w/bench"
smi
cat "$w/steps.txt"
grep -h "check" "$w/perf.log"
tail -n 2 "$w/selftest.log"
grep -h "quantize" "$w/selftest.log" | cut -c1-110
awk '{split($1,a,"_"); k=a[2]" "a[3]" "a[1]; v[k]=v[k]" "$2} END {for (k in v) print k, v[k]}' "$w/perf/quantize.txt" | sort
grep -h "^fp8,\|^fp16," "$w/bench/latency.csv" | cut -d, -f1,4,5,7,8
