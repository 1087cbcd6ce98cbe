#!/usr/bin/env bash
# One device call for kernels v29 (the warp-specialized entries persistent: one block per SM
# walking the tiles). kcheck: every entry of cand checked on both grids (cand: one block per SM;
# candfull: the same binary, one block per tile), then base (v28, 5703530), cand and candfull timed
# interleaved; the quick selftest at both D; memcheck and racecheck.
set -u
source kernels/tools/device-steps.sh v29
smi
step check 150 env CHECK_TIMEOUT=60 OUT="$w/check" CHECK="cand candfull" PERF_ARGS="--perf-d 64 --perf-n 1024 --perf-methods fp16" bash kernels/tools/ab.sh run cand
for dn in "128 1024" "128 4096" "128 16384" "64 4096" "64 16384" "64 1024"; do
  set -- $dn
  step ab-d$1-n$2 100 env OUT="$w/ab_d$1_n$2" PERF_ARGS="--perf-d $1 --perf-n $2 --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run base cand candfull
done
step info 30 bash scripts/gpu-run.sh info
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 29
step sanitizers 300 env STEPS=3 bash scripts/gpu-session.sh "$w/session"
cat "$w/steps.txt"
grep -h "check .*: rc" "$w/check.log"
for dn in d128_n1024 d128_n4096 d128_n16384 d64_n4096 d64_n16384 d64_n1024; do echo "== $dn"; sed -n '/^== base/,$p' "$w/ab-$(echo $dn | tr _ -).log" | grep -v "^$" ; done
grep -h "passed, .* failed\|timing:\|^FAIL" "$w/selftest-quick.log" | head
tail -6 "$w/sanitizers.log"
