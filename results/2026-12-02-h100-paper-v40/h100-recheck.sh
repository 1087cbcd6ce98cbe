#!/usr/bin/env bash
# Second H100 call: (1) the SM clock by %globaltimer, CUDA events and the host's clock over one
# spin (timers.py), since the bench's probe read up to 2,082 MHz on this card, over its 1,980 MHz
# maximum; (2) the fp16 selftest with the first call's seed (43) on the bundle of aca8df1, whose
# FP64 check allows the accepted flips' own shift (FlipShift).
set -u
source kernels/tools/device-steps.sh h100recheck
smi
step timers 120 python3 results/2026-12-02-h100-paper-v40/timers.py target/classes/kernels/fill.fatbin
step selftest-fp16 300 bash scripts/gpu-run.sh selftest --seed 43 --method fp16
smi
cat "$w/steps.txt"
cat "$w/timers.log"
grep -h "N=17   D=128 causal\|passed, .* failed" "$w/selftest-fp16.log"
