#!/usr/bin/env bash
# Nsight Compute on kernels built by ab.sh (one launch each, B=4, H=32, N=16k unless NCU_N says,
# non-causal), on the GPU machine, carrying kernels/tools/out:
#   bash kernels/tools/ncu.sh NAME "METHOD D ENTRY" ...      -> $OUT/ncu.tar.gz
#   e.g. bash kernels/tools/ncu.sh v20 "int8 128 attn_int8_d128" "fp16 128 attn_fp16_d128"
# NAME is the kcheck binary (out/kcheck_NAME), METHOD its --perf-methods name, ENTRY the kernel.
# Per kernel, NAME_METHOD_dD: the details page (*.details.txt) and the SASS source page with stall
# samples and executed instructions per instruction (*.sass.csv.gz, read by
# results/2026-11-23-h100-ncu/stalls.py). SECTIONS overrides the ncu sections collected;
# KCHECK_ARGS adds kcheck options (e.g. --short, to time the short-sequence entries).
set -u
name=${1:?usage: ncu.sh NAME "METHOD D ENTRY" ...}
shift
[ $# -ge 1 ] || { echo "ncu.sh: name at least one \"METHOD D ENTRY\"" >&2; exit 2; }
: "${OUT:?ncu.sh is meant for the GPU machine, where \$OUT is set}"
k=$(cd "$(dirname "$0")" && pwd)/out/kcheck_$name
sections=${SECTIONS:-SourceCounters WarpStateStats SchedulerStats SpeedOfLight ComputeWorkloadAnalysis InstructionStats Occupancy}
o=$OUT/ncu
mkdir -p "$o"
command -v ncu > "$o/ncu-path.txt" 2>&1 || echo "ncu.sh: no ncu on this machine" >&2
ncu --version >> "$o/ncu-path.txt" 2>&1
sectionArgs=()
for s in $sections; do sectionArgs+=(--section "$s"); done
for spec in "$@"; do
  read -r method d entry <<< "$spec"
  report=${name}_${method}_d$d${NCU_N:+_n$NCU_N}
  t0=$(date +%s)
  timeout 170 ncu --clock-control none "${sectionArgs[@]}" -k "regex:^$entry\$" -c 1 \
    -o "$o/$report" "$k" --no-check --perf-methods "$method" --perf-d "$d" --perf-n "${NCU_N:-16384}" --reps 1 \
    ${KCHECK_ARGS:-} \
    > "$o/$report.log" 2>&1
  echo "$report: ncu rc=$?, $(( $(date +%s) - t0 )) s"
  if [ -f "$o/$report.ncu-rep" ]; then
    ncu --import "$o/$report.ncu-rep" --page details > "$o/$report.details.txt" 2>&1
    ncu --import "$o/$report.ncu-rep" --page source --csv --print-source sass 2>/dev/null | gzip > "$o/$report.sass.csv.gz"
    rm -f "$o/$report.ncu-rep"
  fi
done
tar -C "$OUT" -czf "$OUT/ncu.tar.gz" ncu && rm -rf "$o"
