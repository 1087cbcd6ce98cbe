set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3 4 5; do
  for b in v51 v52; do
    for n in 1024 4096 8192 16384; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,fp8native
    done
  done
done
kcheck_summary
