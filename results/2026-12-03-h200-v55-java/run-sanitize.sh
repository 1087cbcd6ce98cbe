#!/usr/bin/env bash
# Device call 4 of stop 38 (carry .gpu, with .gpu/ptx from scripts/gpu-ptx-bundle.sh at v55):
# compute-sanitizer's racecheck and memcheck over the quick selftest of fp8 and fp8-e4m3 on the
# mma.sync path (the jar with PTX-only fatbins) at v55 as committed. fp8-e4m3's widening pass on
# its new D = 128 shape (Q from shared memory) is the form run.sh's racecheck did not cover.
set -u
source kernels/tools/device-steps.sh v55d
for tool in racecheck memcheck; do
  step sanitizer-$tool-mma-sync 110 compute-sanitizer --tool $tool --target-processes all --print-limit 50 \
    bash scripts/gpu-run.sh --ptx selftest --no-timing-check --quick --method fp8,fp8-e4m3
done
cat "$w/steps.txt"
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY\|passed," "$w"/sanitizer-*.log
