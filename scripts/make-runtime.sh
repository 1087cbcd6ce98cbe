#!/usr/bin/env bash
# Builds a small, self-contained Java runtime for a Linux x86-64 GPU host that has no JDK,
# packed as one .tar.xz (about 17 MiB with java.desktop, which XChart's rendering needs).
# Usage: make-runtime.sh OUT_DIR [extra,modules]
# Then on the GPU host: mkdir -p /tmp/rt && tar xJf OUT_DIR/runtime.tar.xz -C /tmp/rt && /tmp/rt/runtime/bin/java -jar app.jar ...
# (A copy of shared/gpu/make-runtime.sh, so the repository builds its GPU bundle on its own.)
set -euo pipefail
out=${1:?usage: make-runtime.sh OUT_DIR [extra,modules]}
extra=${2:-}
jdk=${JDK_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
mods=java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported${extra:+,$extra}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$jdk/bin/jlink" --add-modules "$mods" --strip-debug --no-header-files --no-man-pages \
  --compress=0 --output "$tmp/runtime"
# libjvm.so keeps its symbol table (4 MB of 24): the JVM does not need it to run.
if command -v strip >/dev/null; then
  strip --strip-unneeded "$tmp/runtime/lib/server/libjvm.so"
fi
tar -C "$tmp" -cf - runtime | xz -9 -T2 > "$out/runtime.tar.xz.part"
mv "$out/runtime.tar.xz.part" "$out/runtime.tar.xz"
ls -la "$out/runtime.tar.xz"
