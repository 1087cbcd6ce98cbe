set -u
logs=$1
mkdir -p "$logs"
for n in 1024 4096 16384; do
  kernels/tools/out/kcheck_m80 --no-check --reps 50 --perf-n $n --perf-methods fp16,int8,int8plus \
    > "$logs/perf_m80_n${n}.txt" 2>&1
done
grep -h "^perf [a-z0-9]* *D=" "$logs"/perf_m80_n*.txt
