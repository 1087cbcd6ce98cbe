#!/usr/bin/env bash
# Compiles each kernels/*.cu into one fatbin (cubins for sm_80, sm_89, sm_90a + compute_80 PTX;
# sm_90a, not sm_90, so the H100 image may use wgmma).
# Called by Maven (process-classes) with the output folder (packed into the jar) and a log folder;
# skips with a message when nvcc is absent, so the CPU tool still builds. Warnings are errors. The
# ptxas register/spill report goes to LOG_DIR/ptxas.log, a per-entry summary (sm_90a) to the build
# log, and a spill or local-memory use in any kernel, or serialized wgmma, fails the build.
# Beside each NAME.fatbin goes NAME.entries, the entry points it exports (one per line, from the
# ptxas report), so the Java side finds an entry's module without probing modules with
# cuModuleGetFunction (each miss of which compute-sanitizer counts as an API error).
set -euo pipefail
out=${1:?usage: build.sh OUT_DIR [LOG_DIR]}
logs=${2:-$out}
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v nvcc >/dev/null 2>&1; then
  echo "[kernels] nvcc not found: building without the CUDA backend (CPU emulation only)"
  exit 0
fi
mkdir -p "$out" "$logs"
shopt -s nullglob
sources=("$here"/*.cu)
if [ ${#sources[@]} -eq 0 ]; then echo "[kernels] no kernels/*.cu yet"; exit 0; fi
archs=(-gencode=arch=compute_80,code=sm_80 -gencode=arch=compute_89,code=sm_89
       -gencode=arch=compute_90a,code=sm_90a -gencode=arch=compute_80,code=compute_80)
: > "$logs/ptxas.log"
pids=()
for src in "${sources[@]}"; do
  name=$(basename "$src" .cu)
  # Rebuild only when the source or a header is newer than the fatbin.
  if [ -f "$out/$name.fatbin" ] && [ -f "$out/$name.entries" ] && [ -z "$(find "$here" -newer "$out/$name.fatbin" \( -name '*.cu' -o -name '*.cuh' \) | head -1)" ]; then
    continue
  fi
  (
    nvcc -fatbin -std=c++17 -O3 -lineinfo "${archs[@]}" -I"$here" \
      -Werror all-warnings -Xptxas -v,-warn-spills,-warn-lmem-usage \
      -o "$out/$name.fatbin.part" "$src" > "$logs/$name.ptxas.log" 2>&1 \
      || { cat "$logs/$name.ptxas.log" >&2; exit 1; }
    sed -n "s/.*Compiling entry function '\([A-Za-z0-9_]*\)'.*/\1/p" "$logs/$name.ptxas.log" \
      | sort -u > "$out/$name.entries"
    mv "$out/$name.fatbin.part" "$out/$name.fatbin"
  ) &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
# (nullglob: with no per-file log, as when target/kernels-build was removed but the fatbins kept,
# a bare cat would read Maven's stdin forever.)
per_file=("$logs"/*.ptxas.log)
if [ ${#per_file[@]} -gt 0 ]; then cat "${per_file[@]}" >> "$logs/ptxas.log"; fi
[ $status -eq 0 ] || { echo "[kernels] nvcc failed" >&2; exit 1; }
if grep -E "bytes spill (stores|loads)" "$logs/ptxas.log" | grep -vq " 0 bytes spill"; then
  grep -B3 -E "[1-9][0-9]* bytes spill" "$logs/ptxas.log" >&2 || true
  echo "[kernels] register spills in a kernel (see $logs/ptxas.log)" >&2
  exit 1
fi
# ptxas falls back to serialized wgmma (each waits for the previous) when it cannot prove the async
# use safe; that is correct but throws the tensor cores' overlap away, so it fails the build too.
if grep -q "wgmma.mma_async instructions are serialized" "$logs/ptxas.log"; then
  grep "wgmma.mma_async instructions are serialized" "$logs/ptxas.log" >&2
  echo "[kernels] serialized wgmma in a kernel (see $logs/ptxas.log)" >&2
  exit 1
fi
# Registers per entry on sm_90a, the target we time: a jump here is the first sign of a spill risk.
awk '/Compiling entry function/ { entry = $7; arch = $9; gsub(/\047/, "", entry); gsub(/\047/, "", arch) }
     /Used [0-9]+ registers/ && arch == "sm_90a" { regs[entry] = $5 }
     END { for (e in regs) printf "[kernels] sm_90a %-24s %3d registers, no spills\n", e, regs[e] }' \
  "$logs/ptxas.log" | sort
echo "[kernels] built $(ls "$out"/*.fatbin | wc -l) fatbin(s) into $out"
