set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2 3 4 5 6; do
  for b in base e4p; do kperf ${b}_d128_n4096 $b --perf-d 128 --perf-n 4096 --perf-methods fp16,fp8e4m3; done
done
kcheck_summary
