set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in m80 c2 f1; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e4m3,int8half,int8,int8plus
    done
  done
done
kcheck_summary
