#!/usr/bin/env bash
# Helpers for a one-call device script (the verify scripts kept beside each result folder), sourced:
#   source kernels/tools/device-steps.sh v28      # work folder $OUT/w, packed as $OUT/v28.tar.gz
#   smi                                            # nvidia-smi clocks and power into w/smi.txt
#   step NAME SECONDS CMD...                       # CMD's output into w/NAME.log under a timeout;
#                                                  # "NAME rc=R Ts" into w/steps.txt; repack
# The device returns at most 8 files from $OUT, so everything goes into one tarball, repacked after
# each step: a call cut short still returns what its finished steps wrote. CMD must be a program,
# not a shell function (timeout runs it): `step x 60 env VAR=1 bash script.sh`, not `step x 60 f`.
: "${OUT:?device-steps.sh is for the GPU machine, where \$OUT is set}"
device_tag=${1:?usage: source device-steps.sh TAG}
w=$OUT/w
mkdir -p "$w"
export ATTN_BENCH_JAVA_OPTS=${ATTN_BENCH_JAVA_OPTS:--Xmx48g}
pack() { tar -C "$OUT" -czf "$OUT/$device_tag.tar.gz" w; }
smi() {
  nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw \
    --format=csv > "$w/smi.txt" 2>&1
}
step() {
  local name=$1 t=$2 s rc
  shift 2
  s=$(date +%s)
  timeout "$t" "$@" > "$w/$name.log" 2>&1
  rc=$?
  echo "$name rc=$rc $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"
  pack
}
