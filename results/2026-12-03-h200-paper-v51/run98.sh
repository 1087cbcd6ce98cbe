set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2; do
  for b in v50 nodenom noexp nodenomexp; do
    for d in 64 128; do
      kperf ${b}_d${d} $b --perf-d $d --perf-n 16384 --perf-methods fp16,int8half,int8,int8plus,fp8native
    done
  done
done
kcheck_summary
