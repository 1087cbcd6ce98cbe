set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m="--perf-d 128 --perf-methods fp16,int8half --perf-cold"
for round in 1 2 3; do
  for v in v71 fp16g2; do
    for n in 1024 2048; do kperf ${v}_short_n$n $v $m --perf-n $n --short; done
    for n in 2048 4096; do kperf ${v}_cshort_n$n $v $m --perf-n $n --short --perf-causal; done
    for n in 1024 4096 16384; do kperf ${v}_main_n$n $v $m --perf-n $n; done
  done
done
kcheck_summary
