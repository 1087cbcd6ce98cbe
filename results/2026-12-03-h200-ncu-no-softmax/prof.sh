#!/usr/bin/env bash
# One device call: Nsight Compute on int8's and fp16's D = 64 main entries, as shipped (v51) and
# with the softmax's FP32 row sums and exp2 both removed (nodenomexp, kcheck run 98's measurement
# build: v50 with ../2026-12-03-h200-free-denominator/nodenom.diff and
# ../2026-12-03-h200-fewer-mufu/noexp.diff, outputs wrong). Run 98 read int8 ÷ fp16 at 1.01 as
# shipped and 0.91 without both pieces: what bounds each kernel then? N = 16k, B = 4, H = 32, one
# launch each (kernels/tools/ncu.sh). Carry kernels/tools/out (kcheck.tar.xz with kcheck_v51 and
# kcheck_nodenomexp). Outputs: w/ncu-<build>/ncu.tar.gz, packed in ncu-no-softmax.tar.gz.
set -u
source kernels/tools/device-steps.sh ncu-no-softmax
for b in nodenomexp v51; do
  mkdir -p "$w/ncu-$b"
  step ncu-$b 120 env OUT="$w/ncu-$b" bash kernels/tools/ncu.sh $b "int8 64 attn_int8_d64" "fp16 64 attn_fp16_d64"
done
smi
cat "$w/steps.txt"
cat "$w"/ncu-*.log
