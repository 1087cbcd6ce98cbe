set -u
source kernels/tools/kcheck-rounds.sh "$1"
kcheck_check short tcand --short
export KCHECK_REPS=30
for round in 1 2; do
  for n in 1024 2048; do
    for b in tbase tcand; do kperf ${b}_n$n $b --short --perf-d 64 --perf-n $n --perf-methods fp16,int8,int8u8p,fp8native; done
  done
done
kcheck_summary
