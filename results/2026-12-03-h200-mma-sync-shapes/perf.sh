set -u
logs=$1
mkdir -p "$logs"
for round in 1 2; do
  for n in 4096 16384; do
    for b in m80 m80w8 m80w4; do
      kernels/tools/out/kcheck_$b --no-check --reps 50 --perf-n $n \
        --perf-methods fp16,int8half,int8,int8plus > "$logs/perf_${b}_n${n}_${round}.txt" 2>&1
    done
  done
done
for b in m80 m80w8 m80w4; do
  echo "== $b (TFLOP/s, then x vs fp16 of the same process), rounds 1 and 2"
  grep -h "^perf [a-z0-9]* *D=" "$logs"/perf_${b}_n*_[12].txt | awk '{print $2, $3, $4, $7, $9}' | sort -s -k2,2 -k3,3V -k1,1 \
    | awk '{k=$1" "$2" "$3; a[k]=a[k]"  "$4" "$5} END {for (k in a) print k a[k]}' | sort -k2,2 -k3,3V -k1,1
done
