#!/usr/bin/env bash
# One device call (stop 37), run from the repository root: the Java tool at kernels v54 on the
# mma.sync path of the H200 (the jar's fatbins swapped for PTX-only compute_80 builds, which the
# driver JIT-compiles: what an A100 or Ada card runs). The full selftest at D = 128 of the methods
# whose mma.sync kernels changed in v54, and `bench` (CUDA events, cold L2, stdrel stopping) of
# every mma.sync method family at both D, with FlashAttention-2 (PyTorch's flash backend) timed
# after it in the same call.
#   here: for f in kernels/*.cu: nvcc -fatbin -std=c++17 -O3 -gencode=arch=compute_80,code=compute_80 \
#           -Ikernels $f -o kernels/tools/out/k80/<name>.fatbin       # PTX only
#         bash scripts/gpu-bundle.sh
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v54-mma-sync-bench/run.sh
set -u
source kernels/tools/device-steps.sh v54bench
mkdir -p /tmp/rt
tar xJf .gpu/runtime.tar.xz -C /tmp/rt
xz -dc .gpu/attn-bench.jar.xz > /tmp/attn-bench.jar
python3 - <<'PY'
import glob, os, zipfile
os.makedirs('/tmp/t80', exist_ok=True)
swap = {'kernels/' + os.path.basename(p): open(p, 'rb').read()
        for p in glob.glob('kernels/tools/out/k80/*.fatbin')}
with zipfile.ZipFile('/tmp/attn-bench.jar') as zi, \
     zipfile.ZipFile('/tmp/t80/attn-bench.jar', 'w', zipfile.ZIP_STORED) as zo:
    for it in zi.infolist():
        zo.writestr(it, swap.get(it.filename, zi.read(it.filename)))
print('swapped', sorted(swap))
PY
ln -sfn /tmp/rt /tmp/t80/rt
export ATTN_BENCH_TMP=/tmp/t80
step selftest-mma-sync-d128 200 bash scripts/gpu-run.sh selftest --head-dim 128 --method fp16,int8-half,fp8,fp8-e4m3
step bench-mma-sync 240 bash scripts/gpu-run.sh bench --method fp16,int8-half,int8,int8-plus,fp8,fp8-e4m3 --seq-len 1024,4096,16384 --head-dim 64,128 --out "$w/bench"
smi
step fa2 60 python3 src/main/resources/scripts/torch_sdpa_bench.py --seq-len 1024,4096,16384 --head-dim 64,128 --backend flash --out "$w/fa2.csv"
smi
cat "$w/steps.txt"
grep -v "^PASS" "$w/selftest-mma-sync-d128.log" | tail -4
cut -d, -f1,4,5,8,10,12 "$w/bench/latency.csv"
cut -d, -f1,4,5,8,12,14 "$w/fa2.csv"
