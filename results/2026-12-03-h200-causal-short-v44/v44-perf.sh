#!/usr/bin/env bash
# kcheck timing for v44 (run 85): int8's and int8+u8p's D = 64 entries under the causal mask, B = 4,
# H = 32, median of 15, two rounds, N = 1k, 2k, 4k: v43's main entry, v43's one-warpgroup short
# entry, and v44's causal-only entry (the main entry in persistent blocks). Logs into $1.
set -u
out=kernels/tools/out
d=${1:?usage: v44-perf.sh LOG_DIR}
mkdir -p "$d"
perf() {  # TAG BINARY N [ARGS...]
  local tag=$1 bin=$2 n=$3; shift 3
  $out/kcheck_$bin --no-check --reps 15 --perf-methods int8,int8u8p --perf-d 64 --perf-n "$n" \
    --perf-causal "$@" > "$d/perf_${tag}_n${n}_$round.txt" 2>&1
}
for round in 1 2; do
  for n in 1024 2048 4096; do
    perf cmain v43 $n
    perf cshort v43 $n --short
    perf ccausal v44 $n --causal-short
  done
done
for f in "$d"/perf_*_1.txt; do
  b=$(basename "$f" _1.txt)
  echo "${b#perf_}: $(grep -h '^perf' "$d/${b}"_[12].txt | grep -v quantize | awk '{printf "%s %s  ", $2, $7}')"
done | sort -t_ -k2,2 -k1,1
