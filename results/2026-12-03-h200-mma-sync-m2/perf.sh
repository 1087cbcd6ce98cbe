set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 4096 16384; do
    for b in m80 m80x m80m2; do
      kperf ${b}_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,int8half,int8,int8plus
    done
  done
  for b in m80 m80x; do kperf ${b}_d128 $b --perf-d 128 --perf-n 16384 --perf-methods int8,int8plus; done
  for d in 64 128; do
    for b in s90 s90x; do kperf ${b}_d$d $b --perf-d $d --perf-methods int8,int8u8p,int8plus; done
  done
done
kcheck_summary
