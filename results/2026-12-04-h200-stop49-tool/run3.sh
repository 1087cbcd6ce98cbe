#!/usr/bin/env bash
# The third device call of stop 49: bad flags of the GPU commands where a GPU is present (on a
# machine without one, "no CUDA device" can hide a flag's own error). Each line of flags.txt: the
# exit code, the number of stderr lines, and the first of them.
#   here: scripts/gpu-bundle.sh
#   device (carry .gpu): bash results/2026-12-04-h200-stop49-tool/run3.sh
set -u
source kernels/tools/device-steps.sh tool49c
begin_call
try() {
  local err rc
  err=$(bash scripts/gpu-run.sh "$@" 2>&1 >/dev/null); rc=$?
  printf '%s | rc=%d lines=%d | %s\n' "$*" "$rc" "$(printf '%s' "$err" | grep -c '')" \
    "$(printf '%s' "$err" | head -n 1 | cut -c1-220)" >> "$w/flags.txt"
}
o="$w/out"
try bench --seq-len 0 --out "$o/a"
try bench --seq-len 1024 --method foo --out "$o/b"
try bench --seq-len 1024 --head-dim 96 --out "$o/c"
try bench --seq-len 1024 --scope sideways --out "$o/d"
try bench --seq-len 1024 --stdrel 2 --out "$o/e"
try bench --seq-len 1024 --l2-flush maybe --out "$o/f"
try bench --seq-len 1024 --input-dist 'normal(0,1e-30)' --out "$o/g"
try bench --seq-len 1024 --softmax-scale -1 --out "$o/h"
try bench --seq-len 1024,1024 --out "$o/i"
try bench --seq-len 1024 --causal true,both --out "$o/j"
try bench --seq-len 1024 --method fp16 --resume "$o/none"
try selftest --softmax-scale 0
try selftest --softmax-scale rsqrt,rsqrt
try selftest --quick --head-dim 96
echo "folders left: $(ls "$o" 2>/dev/null | tr '\n' ' ')" >> "$w/flags.txt"
step bench-ok 90 bash scripts/gpu-run.sh bench --seq-len 1024,4096 --method fp16,int8 --head-dim 64 --save-samples --out "$w/bench"
smi
pack
cat "$w/flags.txt"
tail -n 4 "$w/bench-ok.log"
