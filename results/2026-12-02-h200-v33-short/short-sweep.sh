#!/usr/bin/env bash
# One device call: with kernels v33 (TMA loads in the warp-specialized main entries; the short
# entries keep cp.async), the D=64 main entries against the
# short-sequence ones (kcheck --short, the wrapper kcheck_v33s) at N = 1k ... 16k, one binary,
# interleaved, each N twice: where does each method's short entry stop winning?
set -u
source kernels/tools/device-steps.sh v33short
smi
tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz
printf '#!/usr/bin/env bash\nexec "$(dirname "$0")/kcheck_v33" --short "$@"\n' > kernels/tools/out/kcheck_v33s
chmod +x kernels/tools/out/kcheck_v33s
for n in 1024 2048 4096 8192 16384; do
  for rep in a b; do
    step ab-n$n-$rep 100 env OUT="$w/ab_n${n}_$rep" PERF_ARGS="--perf-d 64 --perf-n $n --perf-methods fp16,int8,int8plus,int8half,fp8native,int8u8p,int8qsum" bash kernels/tools/ab.sh run v33 v33s
  done
done
smi
cat "$w/steps.txt"
for n in 1024 2048 4096 8192 16384; do for rep in a b; do echo "== n$n $rep"; sed -n '/^== v33 /,$p' "$w/ab-n$n-$rep.log"; done; done
