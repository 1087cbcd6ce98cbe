set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in cur pair; do kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
  for b in cur pair; do kperf ${b}_d64_n16384 $b --perf-d 64 --perf-n 16384 --perf-methods fp16,fp8e5m2,fp8e4m3; done
done
kcheck_summary
