#!/usr/bin/env bash
# The device call that ships kernels v52 (the bundle's commit is in acc128/run.json): fp8-native's
# denominator counts P̃ at D = 128 too, its ones as 8 more rows after each V8t stage, one
# m64n136k32 wgmma per k-step (results/2026-12-03-h200-v52-candidate: kcheck ALL PASS, the
# fp8-native selftest 0 fail, sanitizers clean, +0.7 … +6.6% at D = 128). Only the fp8-native
# D = 128 entries' SASS differs from v51's (cuobjdump of the two kcheck builds).
#   - kcheck of every entry (main, short, causal-only) against its emulation;
#   - the accuracy grid of the paper (B = 2, H = 2, softmax scale 1, 256 rows) at D = 128 on the
#     GPU kernels beside the emulation, for fp8-native and fp8-e4m3 (the same arithmetic widened,
#     w = p): does the GPU's error fall as the emulation says P̃ makes it?
#   - v51 against v52 at D = 128, fp8-native and fp16, N = 1k … 16k, five rounds interleaved (the
#     candidate's 4k read 770-920: more rounds);
#   - the full selftest, every method and entry.
# Here: kernels/tools/ab.sh build v51 (19884e0) and v52 (HEAD), ab.sh pack v51 v52,
# scripts/gpu-bundle.sh. Carry .gpu and kernels/tools/out.
set -u
source kernels/tools/device-steps.sh v52-ship
step kcheck 60 kernels/tools/out/kcheck_v52 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v52 --short --no-perf
step kcheck-causal-short 30 kernels/tools/out/kcheck_v52 --causal-short --no-perf --check-methods int8,int8u8p
step acc128 120 bash scripts/gpu-run.sh accuracy --config configs/paper.yaml --backend cuda \
  --method fp8-native,fp8-e4m3 --head-dim 128 --out "$w/acc128"
cat > "$w/ab.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3 4 5; do
  for b in v51 v52; do
    for n in 1024 4096 8192 16384; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8native
    done
  done
done
kcheck_summary
AB
step ab 100 bash "$w/ab.sh" "$w/ab"
smi
step selftest 330 bash scripts/gpu-run.sh selftest --seed 91
smi
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 8 "$w/ab.log"
grep -h "passed, .* failed" "$w"/selftest.log
grep -h "^FAIL" "$w"/selftest.log | head
