set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 16384; do
      for b in v60 probe1; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
    done
  done
done
kcheck_summary
