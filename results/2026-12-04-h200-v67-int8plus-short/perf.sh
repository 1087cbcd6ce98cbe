set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
m=int8plus,int8qsum
for round in 1 2 3; do
  for n in 1024 2048 4096; do
    kperf main_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m
    kperf as_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m --short
    kperf bs_n$n v67b --perf-d 64 --perf-n $n --perf-methods $m --short
  done
  for n in 1024 2048 4096 8192; do
    kperf cmain_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m --perf-causal
    kperf cas_n$n v67a --perf-d 64 --perf-n $n --perf-methods $m --perf-causal --short
    kperf cbs_n$n v67b --perf-d 64 --perf-n $n --perf-methods $m --perf-causal --short
  done
done
kcheck_summary
