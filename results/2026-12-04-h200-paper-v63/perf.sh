set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3; do
  for n in 1024 2048 4096 8192 16384; do
    for b in v62 v63; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2; done
  done
done
kcheck_summary
