#!/usr/bin/env bash
# Runs attn-bench on a GPU host from the bundle that scripts/gpu-bundle.sh made in .gpu/:
#   bash scripts/gpu-run.sh info
#   bash scripts/gpu-run.sh selftest --quick
#   bash scripts/gpu-run.sh bench --seq-len 1024,4096 --out "$OUT/bench"
# The runtime and the jar are unpacked once per machine under /tmp (ATTN_BENCH_TMP to move it).
#   bash scripts/gpu-run.sh --ptx selftest --quick  # the jar with .gpu/ptx's PTX-only kernels
#                                                   # (scripts/gpu-ptx-bundle.sh: compute_80, or
#                                                   # compute_89 if given): the mma.sync path
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=${ATTN_BENCH_BUNDLE:-$root/.gpu}
tmp=${ATTN_BENCH_TMP:-/tmp}
if [ ! -x "$tmp/rt/runtime/bin/java" ]; then
  mkdir -p "$tmp/rt"
  tar xJf "$bundle/runtime.tar.xz" -C "$tmp/rt"
fi
jar="$tmp/attn-bench.jar"
if [ ! -f "$jar" ] || [ "$bundle/attn-bench.jar.xz" -nt "$jar" ]; then
  xz -dc "$bundle/attn-bench.jar.xz" > "$jar.part"
  mv "$jar.part" "$jar"
fi
if [ "${1:-}" = "--ptx" ]; then
  shift
  ls "$bundle"/ptx/*.fatbin >/dev/null 2>&1 \
    || { echo "gpu-run: --ptx needs $bundle/ptx/*.fatbin (scripts/gpu-ptx-bundle.sh)" >&2; exit 2; }
  # A copy of the jar whose kernels/<name>.fatbin are the PTX-only ones, stored uncompressed. A
  # NAME.entries beside a fatbin (the entry points it exports, kernels/build.sh) replaces the jar's
  # too, for fatbins of another kernel version, whose entries may differ (bench_ab's base).
  shopt -s nullglob
  python3 - "$jar" "$tmp/attn-bench-ptx.jar" "$bundle"/ptx/*.fatbin "$bundle"/ptx/*.entries <<'PY'
import os, sys, zipfile
src, dst, files = sys.argv[1], sys.argv[2], sys.argv[3:]  # fatbins, and any NAME.entries
swap = {'kernels/' + os.path.basename(p): open(p, 'rb').read() for p in files}
with zipfile.ZipFile(src) as zi, zipfile.ZipFile(dst + '.part', 'w', zipfile.ZIP_STORED) as zo:
    names = {i.filename for i in zi.infolist()}
    missing = sorted(set(swap) - names)
    if missing:
        sys.exit('gpu-run: the jar has no ' + ', '.join(missing))
    for it in zi.infolist():
        zo.writestr(it, swap.get(it.filename, zi.read(it.filename)))
os.replace(dst + '.part', dst)
PY
  jar="$tmp/attn-bench-ptx.jar"
fi
# ATTN_BENCH_MAIN runs another main class from the jar instead of the root command.
if [ -n "${ATTN_BENCH_MAIN:-}" ]; then
  exec "$tmp/rt/runtime/bin/java" ${ATTN_BENCH_JAVA_OPTS:-} -cp "$jar" "$ATTN_BENCH_MAIN" "$@"
fi
exec "$tmp/rt/runtime/bin/java" ${ATTN_BENCH_JAVA_OPTS:-} -jar "$jar" "$@"
