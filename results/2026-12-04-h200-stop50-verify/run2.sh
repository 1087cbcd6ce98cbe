#!/usr/bin/env bash
# Stop 50's second device call (carrying .gpu and kernels/tools/out with peak built from the commit
# that gives each mma.sync chain its own B operand):
#   1. peak again, random operands and zeros (the e4m3 mma.sync row of the first call was an
#      artefact; the rest measured a second time);
#   2. the quick selftest at the authors' 1.3 with the tool at this stop's commit.
set -u
source kernels/tools/device-steps.sh stop50-2
begin_call
step peak-random 150 kernels/tools/out/peak
step peak-zeros 150 kernels/tools/out/peak --zeros
step selftest-quick-1.3 200 bash scripts/gpu-run.sh selftest --quick --seed 50 --softmax-scale 1.3
smi
pack
cat "$w/steps.txt"
tail -n 12 "$w/peak-random.log" "$w/peak-zeros.log"
grep -h "passed, .* failed\|^FAIL" "$w/selftest-quick-1.3.log" | head -20
