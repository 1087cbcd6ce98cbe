set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
for round in 1 2 3; do
  for n in 1024 2048 4096; do
    kperf main_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half
    kperf v66s_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half --short
    kperf ih1s_n$n ih1 --perf-d 64 --perf-n $n --perf-methods int8half --short
  done
  for n in 1024 2048 4096 8192; do
    kperf cmain_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half --perf-causal
    kperf cv66s_n$n v66 --perf-d 64 --perf-n $n --perf-methods int8half --perf-causal --short
    kperf cih1s_n$n ih1 --perf-d 64 --perf-n $n --perf-methods int8half --perf-causal --short
  done
done
kcheck_summary
