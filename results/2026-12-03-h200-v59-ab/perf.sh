set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=30
all=fp16,fp8e5m2,fp8e4m3,int8half,int8,int8plus,fp8native
for round in 1 2; do
  for d in 64 128; do
    for n in 4096 16384; do
      for b in base tma; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods $all; done
      kperf bc128_d${d}_n$n fp8bc128 --perf-d $d --perf-n $n --perf-methods fp16,fp8e5m2,fp8e4m3
    done
  done
  kperf base_d64_n1024 base --perf-d 64 --perf-n 1024 --perf-methods fp16,fp8e5m2,fp8e4m3
  kperf bc128_d64_n1024 fp8bc128 --perf-d 64 --perf-n 1024 --perf-methods fp16,fp8e5m2,fp8e4m3
done
kcheck_summary
