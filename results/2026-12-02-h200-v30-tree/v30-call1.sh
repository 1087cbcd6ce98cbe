#!/usr/bin/env bash
# One device call: kcheck A/B of v30 (the row maximum as a pairwise tree, bit-identical) against
# HEAD's kernels (base): every entry checked (main and short), then timed interleaved.
set -u
source kernels/tools/device-steps.sh v30c1
smi
# the short-sequence entries (D=64) are checked through a wrapper that adds --short
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
for b in base tree; do
  printf '#!/usr/bin/env bash\nexec "$(dirname "$0")/kcheck_%s" --short "$@"\n' $b > kernels/tools/out/kcheck_${b}s
  chmod +x kernels/tools/out/kcheck_${b}s
done
step check-tree 150 env OUT="$w/check" CHECK="tree trees" CHECK_TIMEOUT=70 PERF_ARGS="--perf-n 1024" bash kernels/tools/ab.sh run tree
for dn in "128 16384" "128 4096" "128 1024" "64 16384" "64 4096"; do
  set -- $dn
  step ab-d$1-n$2 100 env OUT="$w/ab_d$1_n$2" PERF_ARGS="--perf-d $1 --perf-n $2 --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run base tree
done
for n in 1024 16384; do
  step ab-short-d64-n$n 100 env OUT="$w/ab_short_d64_n$n" PERF_ARGS="--perf-d 64 --perf-n $n --perf-methods fp16,int8,int8plus,fp8native" bash kernels/tools/ab.sh run bases trees
done
smi
cat "$w/steps.txt"
grep -i "fail\|pass" "$w/check-tree.log" | tail -5
for dn in d128-n16384 d128-n4096 d128-n1024 d64-n16384 d64-n4096 short-d64-n1024 short-d64-n16384; do echo "== $dn"; sed -n '/^== base/,$p' "$w/ab-$dn.log"; done
