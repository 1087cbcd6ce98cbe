set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3; do
  for b in v50 v51 rs16; do
    for d in 64 128; do
      for n in 4096 16384; do
        kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,int8half,int8,fp8native
      done
    done
  done
done
kcheck_summary
