set -u
source kernels/tools/kcheck-rounds.sh "$1"
for b in qcand qk128 qk128r8 qr2; do kcheck_check $b $b --check-methods int8,int8plus,int8half; done
export KCHECK_REPS=20
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in qbase qcand qk128 qk128r8 qr2; do
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
