set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 16384; do
    for b in v59 v60; do
      kperf ${b}_d128_n$n $b --perf-causal --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
  for b in v59 v60; do
    kperf ${b}_d64_n1024 $b --perf-causal --perf-d 64 --perf-n 1024 --perf-methods fp16,fp8e5m2,fp8e4m3
  done
done
kcheck_summary
