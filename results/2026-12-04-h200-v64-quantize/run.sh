#!/usr/bin/env bash
# One device call (stop 43), run from the repository root: the INT8 quantize pipeline (the
# end-to-end scope's quantize + attend) with its loads batched. v63's kcheck read the first launch
# (Q, K per token and V's amax) at 3.0-3.4 TB/s and the V8t writer at 2.0-2.3 TB/s on the H200;
# cuobjdump of v63's V8t writer shows each block load V's amax word eight times in series (fs's
# stores between might alias it), each followed by the scale's divisions, before its first V load,
# and then one 16-byte V load in flight a thread (its loop loads, quantizes and stores key by key).
# Builds (kcheck, sm_90a), the same bits:
#   qbase    the shipped kernels (HEAD, v63)
#   qcand    V8t: every V load of the thread first, the amax words once before the divisions;
#            Q and K: 4 rows a lane, their 4 loads first (QUANT_ROWS_PER_LANE 4); V8t blocks of 64 keys
#   qk128    qcand with V8t blocks of 128 keys (V8T_KEYS 128: whole 128-byte rows of V8t a block)
#   qk128r8  qk128 with 8 rows a lane
#   qr2      qcand with 2 rows a lane
# The second call (after the first found 4 rows a lane slower for int8-plus: its 54 registers
# left an SM 4 blocks of the launch, whose per-channel V blocks then kept fewer loads in flight),
# with V8t blocks of 128 keys in the tree and the rows held as raw words (4 registers a row):
#   k128r1, k128r2, k128r4   1, 2 (32 registers) and 4 rows a lane (48 registers)
#   BINS="qbase k128r1 k128r2 k128r4" CHECKS="k128r1 k128r2 k128r4" TAG=quant2 bash .../run.sh
#   here: ab.sh build qbase HEAD; ab.sh build qcand; ab.sh build qk128 k128.h; ...; ab.sh pack ...
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-v64-quantize/run.sh
set -u
export BINS=${BINS:-qbase qcand qk128 qk128r8 qr2} CHECKS=${CHECKS:-qcand qk128 qk128r8 qr2}
source kernels/tools/device-steps.sh "${TAG:-quant}"
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for b in $CHECKS; do kcheck_check $b $b --check-methods int8,int8plus,int8half; done
export KCHECK_REPS=20
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in $BINS; do
        kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods int8,int8plus
      done
    done
  done
done
# quantize stage medians (ms): total; Q,K + V amax; V8t, per binary, shape and round
for f in "$1"/perf_*_[12].txt; do
  t=$(basename "$f" .txt); t=${t#perf_}
  grep -h "perf quantize" "$f" | sed -E "s/^perf quantize\(([a-z0-9]+)\) D=([0-9]+) +N=([0-9]+) +([0-9.]+) ms;.*amax ([0-9.]+), V8t ([0-9.]+)\)/$t \1 \4 \5 \6/"
done | sort > "$1/quantize.txt"
cat "$1/quantize.txt"
AB
step perf 420 bash "$w/perf.sh" "$w/perf"
smi
cat "$w/steps.txt"
grep -h "check" "$w/perf.log" | head
awk '{split($1,a,"_"); k=a[1]" "a[2]" "a[3]" "$2; tot[k]=tot[k]" "$3; v[k]=v[k]" "$5} END {for (k in tot) print k, "total" tot[k], " v8t" v[k]}' "$w/perf/quantize.txt" | sort -k2,2 -k3,3 -k4,4 -k1,1
