#!/usr/bin/env bash
# Nsight Compute on the v20 kernels (one launch each, B=4, H=32, N=16k, non-causal), on the GPU
# machine, carrying kernels/tools/out (kcheck_v20 = `bash kernels/tools/ab.sh build v20 9e1a707`):
#   bash results/2026-12-02-h200-ncu-v20/prof.sh        -> $OUT/ncu.tar.gz
# Per kernel: the details page (*.details.txt) and the SASS source page with stall samples and
# executed instructions per instruction (*.sass.csv.gz, read by ../2026-11-23-h100-ncu/stalls.py).
set -u
k=kernels/tools/out/kcheck_v20
o=$OUT/ncu
mkdir -p "$o"
command -v ncu > "$o/ncu-path.txt" 2>&1 || echo "prof.sh: no ncu on this machine" >&2
ncu --version >> "$o/ncu-path.txt" 2>&1
for spec in "int8 128 attn_int8_d128" "fp8native 128 attn_fp8native_d128" "fp16 128 attn_fp16_d128"; do
  set -- $spec
  name=v20_$1_d$2
  t0=$(date +%s)
  timeout 170 ncu --clock-control none --section SourceCounters --section WarpStateStats \
    --section SchedulerStats --section SpeedOfLight --section ComputeWorkloadAnalysis --section InstructionStats --section Occupancy -k "regex:^$3\$" -c 1 \
    -o "$o/$name" "$k" --no-check --perf-methods "$1" --perf-d "$2" --perf-n 16384 --reps 1 \
    > "$o/$name.log" 2>&1
  echo "$name: ncu rc=$?, $(( $(date +%s) - t0 )) s"
  if [ -f "$o/$name.ncu-rep" ]; then
    ncu --import "$o/$name.ncu-rep" --page details > "$o/$name.details.txt" 2>&1
    ncu --import "$o/$name.ncu-rep" --page source --csv --print-source sass 2>/dev/null | gzip > "$o/$name.sass.csv.gz"
    rm -f "$o/$name.ncu-rep"
  fi
done
tar -C "$OUT" -czf "$OUT/ncu.tar.gz" ncu && rm -rf "$o"
