set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=100
for round in 1 2; do
  for n in 1024 4096 16384; do
    for b in cur r8 s4 r2; do kperf ${b}_d64_n$n $b --perf-d 64 --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
done
kcheck_summary
