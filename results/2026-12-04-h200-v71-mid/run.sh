#!/usr/bin/env bash
# One device call (stop 46): kernels v71 (candidate 7c68b34), the INT8-P kernels' D = 128
# mid-sequence entries (v45-v69's persistent short entry, the same PTX) run above the short entry's
# bound up to 8192 (causal 16384), where v70 ran the main entry:
#   1. kcheck --mid: every shape, outputs poisoned, the mid entries against the emulation;
#   2. the Java bench, v71's jar and the same jar with v70's int8_attention fatbin, alternated over
#      three rounds, the four INT8-P methods at D = 128, N = 2k (both run the short entry there: a
#      control), 4k, 8k, 16k, with and without the mask;
#   3. the full Java selftest of v71 (every method, entry and shape; v70's never ran);
#   4. the bound: v71 against v71 with the mid entries up to 16384 (causal 32768), N = 16k, both
#      masks, two rounds;
#   5. compute-sanitizer racecheck over the quick selftest of the five methods with D = 128 short
#      entries changed in v70 (and the mid entries), in what is left.
#   here: scripts/gpu-bundle.sh (.gpu, 7c68b34); v70's int8_attention fatbin xz'ed into
#         .gpu/ptx-v70/, v71's built with -DATTN_MID_N_INT8P_D128=16384
#         -DATTN_MID_N_INT8P_D128_CAUSAL=32768 into .gpu/ptx-v71hi/; ab.sh build v71; ab.sh pack v71
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-v71-mid/run.sh
set -u
source kernels/tools/device-steps.sh v71
step kcheck-mid 40 kernels/tools/out/kcheck_v71 --no-perf --mid
m=int8,int8+u8p,int8-plus,int8+qsum
bench_ab v71 v70 3 40 --method $m --head-dim 128 --seq-len 2048,4096,8192,16384 --causal both \
  --max-time-per-point 1
smi
step selftest 340 bash scripts/gpu-run.sh selftest
smi
bench_ab v71 v71hi 2 30 --method $m --head-dim 128 --seq-len 16384 --causal both --max-time-per-point 1
sanitize racecheck 120 d128 --quick --head-dim 128 --method $m,fp8-native
smi
