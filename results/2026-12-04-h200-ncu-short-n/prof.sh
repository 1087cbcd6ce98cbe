#!/usr/bin/env bash
# One device call (stop 43), run from the repository root: Nsight Compute at N = 1k (B=4, H=32,
# non-causal), where PyTorch's cuDNN backend runs 11-16% faster than our FP16 (REPORT.md's
# fastest-FP16 rows, ../2026-12-04-h200-paper-v64): cuDNN's kernel at D = 64 and 128, and our
# short-sequence entries that serve N = 1k (fp16 at both D, int8 at D = 64), with the launch,
# occupancy, throughput, memory and stall sections, so that the gap can be placed (tail of the
# last wave, L2 traffic, issue or stalls) before any kernel is changed.
#   here: kcheck of the shipped kernels in kernels/tools/out (f8base: v64's kernels, packed)
#   device (carry kernels/tools/out): bash results/2026-12-04-h200-ncu-short-n/prof.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
source kernels/tools/device-steps.sh ncu-short
o=$w/cudnn
mkdir -p "$o"
sections="LaunchStats Occupancy SpeedOfLight ComputeWorkloadAnalysis MemoryWorkloadAnalysis SchedulerStats WarpStateStats"
sectionArgs=()
for s in $sections; do sectionArgs+=(--section "$s"); done
for d in 64 128; do
  timeout 120 ncu --clock-control none "${sectionArgs[@]}" -k "regex:(cudnn|fmha|flash|sm90|xmma)" -c 2 \
    python3 "$here/sdpa_n.py" cudnn "$d" 1024 > "$o/cudnn_d${d}_n1024.details.txt" 2>&1
  echo "cudnn d$d: ncu rc=$?" | tee -a "$w/steps.txt"
done
pack
SECTIONS="$sections" NCU_N=1024 KCHECK_ARGS=--short OUT=$w bash kernels/tools/ncu.sh f8base \
  "fp16 64 attn_fp16_d64_short" "fp16 128 attn_fp16_d128_short" "int8 64 attn_int8_d64_short" \
  | tee -a "$w/steps.txt"
(cd "$w" && tar -xzf ncu.tar.gz && rm ncu.tar.gz)
pack
smi
cat "$w/steps.txt"
for f in "$w"/cudnn/*.details.txt "$w"/ncu/*.details.txt; do
  echo "== $(basename "$f")"
  grep -E "^  [a-zA-Z_0-9].*\(|Duration|Elapsed Cycles|SM Active Cycles|Grid Size|Block Size|Waves Per SM|Achieved Occupancy|Registers Per Thread|Dynamic Shared|L2 Cache Throughput|DRAM Throughput|Compute \(SM\) Throughput|Issue Slots Busy|Eligible Warps|No Eligible" "$f" | head -24
done
