#!/usr/bin/env bash
# Helpers for a kcheck timing script (the run scripts kept beside each result folder), sourced on
# the GPU machine after kernels/tools/out/kcheck.tar.xz is unpacked:
#   source kernels/tools/kcheck-rounds.sh DIR     # logs into DIR (made here)
#   kcheck_check fp16 v45 --check-methods fp16    # kcheck_v45 --no-perf ARGS > DIR/check_fp16.txt,
#                                                 #   and its verdict on stdout
#   for round in 1 2; do                          # the caller's loop sets $round
#     kperf main v45 --perf-d 128 --perf-n 4096   # kcheck_v45 --no-check --reps 15 ARGS...
#                                                 #   (--reps $KCHECK_REPS where set)
#   done                                          #   > DIR/perf_main_<round>.txt
#   kcheck_summary                                # per TAG, each round's TFLOP/s per method
#   kcheck_quantize_summary                       # per TAG and round, the quantize lines' medians
#                                                 #   (ms: total, first launch, V8t; fp8: total)
#                                                 #   into DIR/quantize.txt and on stdout
# Run 84's to run 88's scripts carried these as functions of their own.
kcheck_bin=kernels/tools/out
kcheck_logs=${1:?usage: source kcheck-rounds.sh LOG_DIR}
mkdir -p "$kcheck_logs"
kcheck_check() {  # TAG BINARY [KCHECK ARGS...]
  local tag=$1 bin=$2 rc
  shift 2
  timeout 150 "$kcheck_bin/kcheck_$bin" --no-perf "$@" > "$kcheck_logs/check_$tag.txt" 2>&1
  rc=$?
  echo "check $tag rc=$rc: $(grep '== correctness' "$kcheck_logs/check_$tag.txt")"
}
kperf() {  # TAG BINARY [KCHECK ARGS...]; KCHECK_REPS timed repetitions, 15 unless set
  local tag=$1 bin=$2
  shift 2
  "$kcheck_bin/kcheck_$bin" --no-check --reps "${KCHECK_REPS:-15}" "$@" \
    > "$kcheck_logs/perf_${tag}_${round:?}.txt" 2>&1
}
kcheck_summary() {
  local f b
  for f in "$kcheck_logs"/perf_*_1.txt; do
    b=$(basename "$f" _1.txt)
    echo "${b#perf_}: $(grep -h '^perf' "$kcheck_logs/${b}"_[0-9].txt | grep -v quantize \
      | awk '{printf "%s %s  ", $2, $7}')"
  done | sort
}
kcheck_quantize_summary() {
  local f t
  for f in "$kcheck_logs"/perf_*_[0-9].txt; do
    t=$(basename "$f" .txt)
    t=${t#perf_}
    grep -h "^perf quantize" "$f" | sed -E \
      -e "s/^perf quantize\(([a-z0-9]+)\) D=([0-9]+) +N=([0-9]+) +([0-9.]+) ms;.*amax ([0-9.]+), V8t ([0-9.]+)\)/$t \1 \4 \5 \6/" \
      -e "s/^perf quantize\(([a-z0-9]+)\) D=([0-9]+) +N=([0-9]+) +([0-9.]+) ms;.*/$t \1 \4/"
  done | sort | tee "$kcheck_logs/quantize.txt"
}
