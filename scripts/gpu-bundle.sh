#!/usr/bin/env bash
# Builds the bundle that runs attn-bench on a GPU host with no JDK, no Maven and no network, into
# .gpu/ (git-ignored through .git/info/exclude):
#   .gpu/runtime.tar.xz     a jlink'ed Java 17 runtime (made once; delete it to rebuild)
#   .gpu/attn-bench.jar.xz  the shaded jar with the CUDA fatbins under /kernels/, stored
#                           uncompressed and then xz'ed: the jar's own deflate leaves ~45 MiB, which
#                           with the runtime would not fit the 60 MiB the device call may carry.
# Needs nvcc on the PATH here, or the jar has no kernels (the build says so). Run on the device:
#   bash scripts/gpu-run.sh info        (carrying .gpu)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
limit_mib=60
mkdir -p .gpu
if [ ! -f .gpu/runtime.tar.xz ]; then
  bash scripts/make-runtime.sh .gpu
fi
command -v nvcc >/dev/null || echo "gpu-bundle: warning: nvcc not on the PATH: the jar will carry no kernels" >&2
mvn -q -B package -DskipTests
unzip -l target/attn-bench.jar 'kernels/*.fatbin' >/dev/null 2>&1 \
  || echo "gpu-bundle: warning: target/attn-bench.jar has no kernels/*.fatbin" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Re-store the jar without compression so xz sees the raw class files (a 3-4x smaller result).
(cd "$tmp" && mkdir x && cd x && unzip -q "$root/target/attn-bench.jar" \
  && zip -q -0 -X -r ../attn-bench.jar META-INF && zip -q -0 -X -r ../attn-bench.jar . -x 'META-INF/*')
xz -9 -T2 -c "$tmp/attn-bench.jar" > .gpu/attn-bench.jar.xz.part
mv .gpu/attn-bench.jar.xz.part .gpu/attn-bench.jar.xz
rm -f .gpu/attn-bench.jar
size=$(du -sm .gpu | cut -f1)
ls -la .gpu
echo "gpu-bundle: .gpu is ${size} MiB (limit ${limit_mib})"
[ "$size" -lt "$limit_mib" ] || { echo "gpu-bundle: .gpu exceeds ${limit_mib} MiB" >&2; exit 1; }
# What a device call carries: the tracked tree (results/ grows every session) plus .gpu, 64 MiB in
# all, with kernels/tools/out beside them for kcheck runs (files parked away for a call are not counted).
tracked=$( { git ls-files -z | xargs -0 stat -c %s 2>/dev/null || true; } | awk '{s += $1} END {printf "%.1f", s / 1048576}')
bundle=$(du -sb .gpu | awk '{printf "%.1f", $1 / 1048576}')
echo "gpu-bundle: a device call carries ${tracked} MiB of tracked files + ${bundle} MiB of .gpu (limit 64)"
