#!/usr/bin/env bash
# One device call for kernels v43 (a causal N bound in each entry's launch array; no kernel code
# changed): kcheck of v43 checking every short entry (it reads the seven-int launch arrays), the
# Java tool's `info` (each short entry's bounds), a quick selftest (every entry, both D, causal both
# ways), and a causal `bench` of the methods whose causal bound v43 raised, at N = 1k, 2k, 4k, so
# that its progress lines and run.json show which entry ran each point. Its outputs are this folder.
set -u
source kernels/tools/device-steps.sh v43
smi
cp "$w/smi.txt" "$w/smi-start.txt"
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
step kcheck-short 120 kernels/tools/out/kcheck_v43 --short --no-perf
step info 60 bash scripts/gpu-run.sh info
step selftest-quick 150 bash scripts/gpu-run.sh selftest --quick --seed 47
step causal-bench 200 bash scripts/gpu-run.sh bench --causal true --method fp16,fp8-native,int8-half \
  --seq-len 1024,2048,4096 --head-dim 64,128 --out "$w/causal"
smi
cat "$w/steps.txt"
grep -h "launch \|== correctness" "$w/kcheck-short.log" | tail -22
grep -h "_short" "$w/info.log"
grep -h "passed, .* failed" "$w/selftest-quick.log" | tail -1
grep -h "^FAIL" "$w/selftest-quick.log" | head
grep -h "short-sequence entry\|^|" "$w/causal-bench.log" | tail -40
