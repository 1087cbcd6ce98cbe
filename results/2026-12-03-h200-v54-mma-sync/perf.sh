set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2; do
  export KCHECK_REPS=30
  for n in 1024 4096 16384; do
    for b in m80 v54; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,int8half,int8
    done
  done
  export KCHECK_REPS=10  # v53's FP8 kernels run at 18-26 TFLOP/s here
  for d in 64 128; do
    for b in m80 v54; do kperf ${b}_fp8_d${d}_n4096 $b --perf-d $d --perf-n 4096 --perf-methods fp8e5m2,fp8e4m3; done
  done
done
round=1 KCHECK_REPS=30 kperf v54_fp8_d128_n16384 v54 --perf-d 128 --perf-n 16384 --perf-methods fp16,fp8e5m2,fp8e4m3
kcheck_summary
