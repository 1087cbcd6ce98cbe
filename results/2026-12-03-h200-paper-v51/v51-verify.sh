#!/usr/bin/env bash
# One device call for kernels v51 (commit in reproduce/run.json): int8-half's and fp8-native's
# denominators count P̃ at D = 64, summed by the tensor cores, and p at D = 128 as in v50 (the
# candidate that counted P̃ at both D ran 2-15% slower at D = 128: results/2026-12-03-h200-v51-candidate).
# Every entry now exports its denominator weight (launch[7]), which kcheck's emulation follows and
# the Java backend checks against its Recipe.
#   - kcheck of every entry (main, short, causal-only) against its emulation;
#   - kcheck run 99: v50 against v51, the main entries, N = 4k and 16k, both D, three rounds;
#   - kcheck run 98: v50 with its FP32 row sums and its exp2 both removed (nodenomexp: nodenom.diff
#     of results/2026-12-03-h200-free-denominator plus noexp.diff of results/2026-12-03-h200-fewer-mufu,
#     outputs wrong), beside each removal alone, in one run;
#   - the selftest: every method quickly (each entry's launch constants read and checked), then
#     int8-half and fp8-native whole; memcheck and racecheck over those two;
#   - the paper's grid.
# Here: kernels/tools/ab.sh build v51 (this tree), v50 (18dbfb3), and noexp, nodenom and nodenomexp
# from 18dbfb3's kernels with the diffs applied; ab.sh pack; scripts/gpu-bundle.sh. Carry .gpu and
# kernels/tools/out.
set -u
source kernels/tools/device-steps.sh v51
step kcheck 60 kernels/tools/out/kcheck_v51 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v51 --short --no-perf
step kcheck-causal-short 30 kernels/tools/out/kcheck_v51 --causal-short --no-perf --check-methods int8,int8u8p
cat > "$w/run99.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2 3; do
  for b in v50 v51; do
    for d in 64 128; do
      for n in 4096 16384; do
        kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods fp16,int8half,int8,fp8native
      done
    done
  done
done
kcheck_summary
AB
step run99 120 bash "$w/run99.sh" "$w/run99"
cat > "$w/run98.sh" <<'AB'
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
AB
step run98 120 bash "$w/run98.sh" "$w/run98"
step selftest-quick 90 bash scripts/gpu-run.sh selftest --quick --seed 61
step selftest 150 bash scripts/gpu-run.sh selftest --seed 62 --method int8-half,fp8-native
step reproduce 110 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
smi
sanitize memcheck 40 v51 --quick --seed 63 --method int8-half,fp8-native
sanitize racecheck 90 v51 --quick --seed 64 --method int8-half,fp8-native
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 8 "$w/run99.log"
tail -n 8 "$w/run98.log"
grep -h "passed, .* failed" "$w"/selftest*.log "$w"/sanitizer-*.log
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md"
