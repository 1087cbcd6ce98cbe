#!/usr/bin/env bash
# One device call for the v28 quantizers (q28a: Q, K and V's amax in one launch; q28b: + V8t
# written 16 bytes a thread): kcheck check of q28b, the INT8 quantize pipelines of base (v27),
# q28a and q28b timed cold and interleaved, the quick selftest at both D (device quantizers
# byte-identical to the host's, now at B=4, H=32 too), reproduce, then memcheck and racecheck.
set -u
source kernels/tools/device-steps.sh v28
smi
step check-q28b 120 env OUT="$w/check" CHECK=q28b PERF_ARGS="--perf-d 64 --perf-n 1024 --perf-methods fp16" bash kernels/tools/ab.sh run q28b
for dn in "64 1024" "64 4096" "64 16384" "128 1024" "128 16384"; do
  set -- $dn
  step ab-d$1-n$2 90 env OUT="$w/ab_d$1_n$2" PERF_ARGS="--perf-d $1 --perf-n $2 --perf-methods fp16,int8,int8plus" bash kernels/tools/ab.sh run base q28a q28b
done
step info 30 bash scripts/gpu-run.sh info
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 17
step reproduce 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
step sanitizers 420 env STEPS=3 bash scripts/gpu-session.sh "$w/session"
cat "$w/steps.txt"
grep -h "== correctness" "$w/check-q28b.log"
for dn in d64_n1024 d64_n4096 d64_n16384 d128_n1024 d128_n16384; do for b in base q28a q28b; do for r in 1 2; do echo "$dn $b r$r $(grep -h 'quantize(int8)' $w/ab_$dn/ab/perf_${b}_$r.txt | sed 's/.*ms; end/end/')"; done; done; done
grep -h "passed, .* failed\|timing:\|FAIL" "$w/selftest-quick.log" | head
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
cat "$w/sanitizers.log" | tail -8
