set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 4096 16384; do
    for b in m80 m80b3; do
      kperf ${b}_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,int8half,int8,int8plus
    done
  done
done
kcheck_summary
