#!/usr/bin/env bash
# One device call (stop 40), run from the repository root: the Java tool at kernels v60 on the
# mma.sync path (the jar with PTX-only compute_80 fatbins, JIT-compiled: an A100's code). v59-v60
# made the FP8-storage methods' Bc depend on the path (128 on wgmma, 64 on mma.sync): the quick
# selftest checks that the emulation takes each entry's own Bc there, for fp16, fp8 and fp8-e4m3
# (both D), and int8 as a control.
#   here: bash scripts/gpu-bundle.sh; bash scripts/gpu-ptx-bundle.sh compute_80   (.gpu, .gpu/ptx)
#   device (carry .gpu): bash results/2026-12-03-h200-v60-mma-sync/run.sh
set -u
source kernels/tools/device-steps.sh v60-mma-sync
step info-mma-sync 60 bash scripts/gpu-run.sh --ptx info
step selftest-mma-sync 150 bash scripts/gpu-run.sh --ptx selftest --quick --method fp16,fp8,fp8-e4m3,int8
cat "$w/steps.txt"
grep -h -i "path\|key_block\|Bc" "$w/info-mma-sync.log" | head -8
tail -n 2 "$w/selftest-mma-sync.log"
