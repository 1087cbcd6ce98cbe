#!/usr/bin/env bash
# One device call (stop 37), run from the repository root: the Java tool at kernels v54 on both
# instruction paths of the H200. The jar as built (the driver takes the sm_90a image: wgmma), and
# the same jar with its fatbins swapped for PTX-only ones (the driver JIT-compiles compute_80:
# mma.sync, what an A100 or Ada card runs), where fp8-native's entries now export "not built"
# (the compute_80 image has no FP8 tensor-core mma) and are refused instead of trapping.
#   here: for f in kernels/*.cu: nvcc -fatbin -std=c++17 -O3 -gencode=arch=compute_80,code=compute_80 \
#           -Ikernels $f -o kernels/tools/out/k80/<name>.fatbin       # PTX only
#         bash scripts/gpu-bundle.sh
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v54-java/run.sh
set -u
source kernels/tools/device-steps.sh v54java
step selftest-wgmma 150 bash scripts/gpu-run.sh selftest --quick
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
step info-mma-sync 120 bash scripts/gpu-run.sh info
step selftest-mma-sync 240 bash scripts/gpu-run.sh selftest --quick
sanitize memcheck 100 mma-sync-d128 --quick --head-dim 128 --method fp16,int8-half,fp8,fp8-e4m3
smi
cat "$w/steps.txt"
for f in "$w"/selftest-*.log; do echo "$f"; grep -v "^PASS" "$f" | tail -4; done
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
