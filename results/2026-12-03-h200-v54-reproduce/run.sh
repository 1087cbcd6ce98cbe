#!/usr/bin/env bash
# One device call (stop 37), run from the repository root: the main job, `reproduce`, end to end
# at kernels v54 (bundle of HEAD after 2ad3229) on both instruction paths of the H200: the jar as
# built (sm_90a image, wgmma) with configs/quick.yaml as the README runs it, and the same jar with
# PTX-only fatbins (compute_80 JIT-compiled: mma.sync, what an A100 or Ada card runs) with
# quick-both-d.yaml (quick.yaml at D = 64 and 128, since v54 changed D = 128 on mma.sync).
#   here: bash scripts/gpu-bundle.sh; the PTX-only fatbins in kernels/tools/out/k80 (see ../2026-12-03-h200-v54-java)
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v54-reproduce/run.sh
set -u
source kernels/tools/device-steps.sh v54repro
step reproduce-wgmma 200 bash scripts/gpu-run.sh reproduce --config configs/quick.yaml --out "$w/quick-wgmma"
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
step reproduce-mma-sync 200 bash scripts/gpu-run.sh reproduce --config results/2026-12-03-h200-v54-reproduce/quick-both-d.yaml --out "$w/quick-mma-sync"
smi
cat "$w/steps.txt"
for f in "$w"/reproduce-*.log; do echo "== $f"; tail -25 "$f"; done
grep -h '"mma_path"\|"git_commit"' "$w"/quick-*/run.json
