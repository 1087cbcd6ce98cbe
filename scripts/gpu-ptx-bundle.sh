#!/usr/bin/env bash
# The mma.sync path on a Hopper GPU host: what an A100 or an Ada card runs, with the tool as users
# run it. The sm_90a image is the one the driver takes on an H100 or H200, so this builds the
# kernels again as compute_80 PTX only (no cubin), which the driver JIT-compiles to mma.sync code:
#   bash scripts/gpu-bundle.sh                       # here: .gpu/ (runtime + jar)
#   bash scripts/gpu-ptx-bundle.sh                   # here: .gpu/ptx/*.fatbin (~0.5 MB)
#   bash scripts/gpu-run.sh --ptx selftest --quick   # on the GPU host (carrying .gpu)
# gpu-run.sh --ptx runs a copy of the jar whose kernels/*.fatbin are these. The emulation beside
# the kernels then follows mma.sync's contract (run.json: "mma_path"), and fp8-native is refused:
# the compute_80 image has no FP8 tensor-core mma (results/2026-12-03-h200-v54-java).
#   bash scripts/gpu-ptx-bundle.sh compute_89        # an Ada card's code instead: mma.sync with the
#                                                    # FP8 cvt and e4m3 mma (fp8-native runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
arch=${1:-compute_80}
case $arch in
  compute_80 | compute_89) ;;
  *) echo "gpu-ptx-bundle: '$arch' is not a PTX target here; allowed: compute_80, compute_89" >&2; exit 2 ;;
esac
out=$root/.gpu/ptx
mkdir -p "$out"
rm -f "$out"/*.fatbin
pids=()
for src in "$root"/kernels/*.cu; do
  nvcc -fatbin -std=c++17 -O3 -gencode=arch=$arch,code=$arch -I"$root/kernels" \
    "$src" -o "$out/$(basename "$src" .cu).fatbin" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p"; done
echo "gpu-ptx-bundle: $(ls "$out" | wc -l) $arch PTX-only fatbins in .gpu/ptx ($(du -sh "$out" | cut -f1))"
