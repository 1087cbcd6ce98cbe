#!/usr/bin/env bash
# One device call on kernels v34 (`kcheck_v34` = the shipped tree): (1) the softmax skipped
# (ATTN_SKELETON, `kcheck_v34skel`, ../2026-12-02-h200-v33-skeleton/skel.h) against v34, D = 64
# and 128, N = 1k, 4k, 16k: the schedule's ceiling now that the fold is one FFMA; (2) the D=64
# main entries against the short-sequence ones (`kcheck_v34s` runs kcheck_v34 --short) at
# N = 1k ... 8k, 2k and 4k twice: do the short entries' N bounds still hold? (3) `kcheck_late`
# (late.h, ATTN_FOLD_LATE=1: INT8's fold at D=64 under the next round's Q·Kᵀ) against v34, checked.
set -u
source kernels/tools/device-steps.sh v34sweeps
smi
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
printf '#!/usr/bin/env bash\nexec "$(dirname "$0")/kcheck_v34" --short "$@"\n' > kernels/tools/out/kcheck_v34s
chmod +x kernels/tools/out/kcheck_v34s
for n in 1024 4096 16384; do
  step skel-n$n 120 env OUT="$w/skel_n$n" PERF_ARGS="--perf-n $n --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run v34 v34skel
done
for run in 1024-a 2048-a 2048-b 4096-a 4096-b 8192-a; do
  n=${run%-*}
  step short-n$run 100 env OUT="$w/short_n$run" PERF_ARGS="--perf-d 64 --perf-n $n --perf-methods fp16,int8,int8plus,fp8native,int8u8p,int8qsum" bash kernels/tools/ab.sh run v34 v34s
done
step late 200 env OUT="$w/late" CHECK=late CHECK_TIMEOUT=60 PERF_ARGS="--perf-d 64 --perf-methods fp16,int8,int8plus,int8u8p,int8qsum" bash kernels/tools/ab.sh run v34 late
smi
cat "$w/steps.txt"
for n in 1024 4096 16384; do echo "== skel n$n"; sed -n '/^== v34 /,$p' "$w/skel-n$n.log"; done
for run in 1024-a 2048-a 2048-b 4096-a 4096-b 8192-a; do echo "== short n$run"; sed -n '/^== v34 /,$p' "$w/short-n$run.log"; done
echo "== late"; grep -h "^check\|^== \|^[a-z]" "$w/late.log"
