set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in m80 v56; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3; done
      kperf v56p_d${d}_n$n v56p --perf-d $d --perf-n $n --perf-methods fp8e4m3
    done
    kperf m89_d${d}_n4096 m89 --perf-d $d --perf-n 4096 --perf-methods fp16,fp8e5m2,fp8e4m3
    kperf v96_d${d}_n4096 v96 --perf-d $d --perf-n 4096 --perf-methods fp16,fp8e5m2,fp8e4m3
    kperf v96p_d${d}_n4096 v96p --perf-d $d --perf-n 4096 --perf-methods fp8e4m3
  done
done
kcheck_summary
