set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check f8b2 f8b2 --check-methods fp8e5m2,fp8e4m3
export KCHECK_REPS=20
for round in 1 2 3; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in f8base f8b2; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp8e5m2; done
    done
  done
done
grep -h "perf quantize" "$1"/perf_*.txt > /dev/null
for f in "$1"/perf_*_[123].txt; do
  t=$(basename "$f" .txt); t=${t#perf_}
  grep -h "perf quantize" "$f" | awk -v t="$t" '{print t, $5}'
done | sort > "$1/quantize.txt"
