set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=50
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in m80 m80f; do
      kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,int8half,int8,int8plus
    done
  done
  for b in m80 m80f; do kperf ${b}_d128 $b --perf-d 128 --perf-methods fp16,int8,int8plus; done
  for b in m80 m80f; do kperf ${b}_fp8_d64 $b --perf-d 64 --perf-n 16384 --perf-methods fp8e4m3; done
done
kcheck_summary
