set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3 4 5 6; do
  for b in v51 v52; do
    kperf ${b}_reps15 $b --perf-d 128 --perf-n 4096 --perf-methods fp16,fp8native
  done
done
kcheck_summary
for round in 1 2 3 4 5 6; do
  for b in v51 v52; do
    "$kcheck_bin/kcheck_$b" --no-check --reps 400 --perf-d 128 --perf-n 4096 --perf-methods fp16,fp8native \
      > "$kcheck_logs/perf_${b}_reps400_${round}.txt" 2>&1
  done
done
kcheck_summary
