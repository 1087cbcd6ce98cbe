#!/usr/bin/env bash
# Runs attn-bench on a GPU host from the bundle that scripts/gpu-bundle.sh made in .gpu/:
#   bash scripts/gpu-run.sh info
#   bash scripts/gpu-run.sh selftest --quick
#   bash scripts/gpu-run.sh bench --seq-len 1024,4096 --out "$OUT/bench"
# The runtime and the jar are unpacked once per machine under /tmp (ATTN_BENCH_TMP to move it).
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
# ATTN_BENCH_MAIN runs another main class from the jar instead of the root command.
if [ -n "${ATTN_BENCH_MAIN:-}" ]; then
  exec "$tmp/rt/runtime/bin/java" ${ATTN_BENCH_JAVA_OPTS:-} -cp "$jar" "$ATTN_BENCH_MAIN" "$@"
fi
exec "$tmp/rt/runtime/bin/java" ${ATTN_BENCH_JAVA_OPTS:-} -jar "$jar" "$@"
