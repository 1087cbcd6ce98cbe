#!/usr/bin/env bash
# One device call (stop 43), run from the repository root: kernels v64 as shipped (b2e3d48): the
# INT8 quantize pipeline with its loads batched (../2026-12-04-h200-v64-quantize: candidate
# k128r2). Only quantize.cu's INT8 kernels and int8_v_transpose (V8t blocks of 128 keys) changed;
# every attention kernel's SASS is v63's.
#   1. kcheck of every entry (main and short) against its emulation, outputs poisoned (its operands
#      come from the v64 quantizers);
#   2. the Java selftest of the methods whose operands the v64 kernels make: int8 and int8-plus at
#      every shape (the device quantizers against the host's, bit for bit, with one head and with
#      B=4, H=32, N a multiple of the key padding and not), the other INT8 ones and fp8-native (its
#      V8t by int8_v_transpose) quick; compute-sanitizer racecheck and memcheck over int8's and
#      int8-plus's quick selftest at D = 64;
#   3. the main job: reproduce --config configs/paper.yaml with PyTorch's FP16 backends beside it;
#   4. kcheck's quantize timing, v63 (qbase) against v64, two interleaved rounds at D = 64 and 128,
#      N = 1k, 4k, 16k: v64 takes a row's amax from its f16 bits, where the measured candidate
#      k128r2 converted the row to floats first (its stack frame failed the build).
#   here: bash scripts/gpu-bundle.sh (.gpu); ab.sh build v64; ab.sh pack qbase v64
#   device (carry .gpu, kernels/tools/out): bash results/2026-12-04-h200-paper-v64/run.sh
set -u
source kernels/tools/device-steps.sh v64
step kcheck 60 kernels/tools/out/kcheck_v64 --no-perf
step kcheck-short 60 kernels/tools/out/kcheck_v64 --no-perf --short
step selftest-int8 150 bash scripts/gpu-run.sh selftest --method int8,int8-plus
step selftest-quick 120 bash scripts/gpu-run.sh selftest --quick \
  --method int8-half,fp8-native,int8+u8p,int8+qsum,int8+vchan
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa \
  --out "$w/reproduce"
smi
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
export KCHECK_REPS=20
for round in 1 2; do
  for d in 64 128; do
    for n in 1024 4096 16384; do
      for b in qbase v64; do kperf ${b}_d${d}_n$n $b --perf-d $d --perf-n $n --perf-methods int8,int8plus; done
    done
  done
done
for f in "$1"/perf_*_[12].txt; do
  t=$(basename "$f" .txt); t=${t#perf_}
  grep -h "perf quantize" "$f" | sed -E "s/^perf quantize\(([a-z0-9]+)\) D=([0-9]+) +N=([0-9]+) +([0-9.]+) ms;.*amax ([0-9.]+), V8t ([0-9.]+)\)/$t \1 \4 \5 \6/"
done | sort > "$1/quantize.txt"
AB
step perf 120 bash "$w/perf.sh" "$w/perf"
sanitize racecheck 60 int8 --quick --method int8,int8-plus --head-dim 64
sanitize memcheck 50 int8 --quick --method int8,int8-plus --head-dim 64
cat "$w/steps.txt"
grep -h "== correctness" "$w"/kcheck*.log
tail -n 2 "$w"/selftest-*.log
grep -h "quantize" "$w"/selftest-*.log | cut -c1-110
grep -h "RACECHECK SUMMARY\|ERROR SUMMARY" "$w"/sanitizer-*.log
grep -h "^| int8 speedup over fp16" "$w/reproduce/REPORT.md" | cut -c1-120
grep -h "^fp16,\|^int8,\|^int8-plus,\|^fp8,\|^int8-half," "$w/reproduce/latency.csv" | grep ",false," | cut -d, -f1,4,5,7,8,12,14
awk '{split($1,a,"_"); k=a[1]" "a[2]" "a[3]" "$2; tot[k]=tot[k]" "$3; v[k]=v[k]" "$5} END {for (k in tot) print k, "total" tot[k], " v8t" v[k]}' "$w/perf/quantize.txt" | sort -k2,2 -k3,3 -k4,4 -k1,1
