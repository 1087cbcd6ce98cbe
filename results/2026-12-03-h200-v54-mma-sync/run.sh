#!/usr/bin/env bash
# One device call (stop 37), run from the repository root: kernels v54 on the mma.sync path (the
# compute_80 PTX an A100 or Ada card runs, JIT-compiled on the H200), checked and timed against
# v53 (baa2a20), and the Java tool run end to end on that path.
#   here: bash kernels/tools/ab.sh build m80 HEAD compute_80     # baa2a20 (v53)
#         bash kernels/tools/ab.sh build v54 "" compute_80       # the working tree (v54)
#         bash kernels/tools/ab.sh pack m80 v54
#         nvcc -O3 -std=c++17 -gencode=arch=compute_90a,code=sm_90a -Ikernels \
#           kernels/tools/fp8check.cu -o kernels/tools/out/fp8check
#         for f in kernels/*.cu: nvcc -fatbin -std=c++17 -O3 -gencode=arch=compute_80,code=compute_80 \
#           -Ikernels $f -o kernels/tools/out/k80/<name>.fatbin       # PTX only
#         bash scripts/gpu-bundle.sh                                 # .gpu: runtime + jar (sm_90a image)
#   device (carry kernels/tools/out and .gpu): bash results/2026-12-03-h200-v54-mma-sync/run.sh
# v54: fp16 and int8-half at D = 128 on two m-tiles a warp with 64-key blocks (mma.sync only), and
# FP8 rounding and widening by bits below sm_89 (no FP8 cvt there). The jar is run twice: as built
# (the driver takes the sm_90a image: wgmma) and with its fatbins swapped for PTX-only ones (the
# driver JIT-compiles compute_80: mma.sync, the path whose contract changed).
set -u
source kernels/tools/device-steps.sh v54
step fp8check 60 kernels/tools/out/fp8check
step check-v54 240 kernels/tools/out/kcheck_v54 --no-perf --check-methods fp16,fp8e5m2,fp8e4m3,int8half,int8,int8u8p,int8qsum,int8plus
cat > "$w/perf.sh" <<'AB'
set -u
source kernels/tools/kcheck-rounds.sh "$1"
for round in 1 2; do
  export KCHECK_REPS=30
  for n in 1024 4096 16384; do
    for b in m80 v54; do
      kperf ${b}_d128_n$n $b --perf-d 128 --perf-n $n --perf-methods fp16,int8half,int8
    done
  done
  export KCHECK_REPS=10  # v53's FP8 kernels run at 18-26 TFLOP/s here
  for d in 64 128; do
    for b in m80 v54; do kperf ${b}_fp8_d${d}_n4096 $b --perf-d $d --perf-n 4096 --perf-methods fp8e5m2,fp8e4m3; done
  done
done
round=1 KCHECK_REPS=30 kperf v54_fp8_d128_n16384 v54 --perf-d 128 --perf-n 16384 --perf-methods fp16,fp8e5m2,fp8e4m3
kcheck_summary
AB
step perf 200 bash "$w/perf.sh" "$w/perf"
smi
step fa2 60 python3 src/main/resources/scripts/torch_sdpa_bench.py --seq-len 1024,4096,16384 --head-dim 128 --backend flash --out "$w/fa2.csv"
# The product's jar as built: the sm_90a image (wgmma), D = 128, whose launch constants now carry the path.
step selftest-wgmma-d128 120 bash scripts/gpu-run.sh selftest --quick --head-dim 128
# The same jar with PTX-only fatbins: the driver JIT-compiles compute_80 (mma.sync).
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
sanitize racecheck 120 mma-sync-d128 --quick --head-dim 128 --method fp16,int8-half,fp8,fp8-e4m3
smi
cat "$w/steps.txt"
cat "$w/fp8check.log"
grep -H "== correctness" "$w"/check-*.log
cat "$w/perf.log"
cut -d, -f1,4,5,8,12,14 "$w/fa2.csv"
tail -3 "$w"/selftest-*.log
grep -h "ERROR SUMMARY\|RACECHECK SUMMARY" "$w"/sanitizer-*.log
