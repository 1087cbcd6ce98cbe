#!/usr/bin/env bash
# One device call: the full GPU check of the shipped state after v29's revert (attention kernels
# v27, quantizers v28): info and the full selftest (scripts/gpu-session.sh steps 1 and 2).
set -u
source kernels/tools/device-steps.sh v28full
smi
step session 420 env STEPS=1,2 bash scripts/gpu-session.sh "$w/session"
cat "$w/steps.txt"
cat "$w/session.log" | tail -8
