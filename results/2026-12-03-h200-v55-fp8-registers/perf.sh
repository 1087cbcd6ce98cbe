set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in m80 v55; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
      [ $d = 128 ] && kperf v55w_d${d}_n$n v55w --perf-d $d --perf-n $n --perf-methods fp8e5m2,fp8e4m3
    done
    for b in m89 v89; do kperf ${b}_d${d}_n4096 $b --perf-d $d --perf-n 4096 --perf-methods fp16,fp8e5m2,fp8e4m3; done
  done
done
kcheck_summary
