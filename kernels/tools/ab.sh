#!/usr/bin/env bash
# A/B of kernel versions with kcheck, the way kernels/TUNING.md's runs 13-19 were measured.
#
#   here (nvcc, no GPU needed):
#     bash kernels/tools/ab.sh build base HEAD            # kcheck of a git revision -> out/kcheck_base
#     bash kernels/tools/ab.sh build cand                 # kcheck of the working tree -> out/kcheck_cand
#     bash kernels/tools/ab.sh build w4 my_shapes.h       # the working tree with launch shapes overridden
#     bash kernels/tools/ab.sh build cand80 "" compute_80 # PTX only: the GPU JIT-compiles the mma.sync path
#     bash kernels/tools/ab.sh pack base cand              # -> out/kcheck.tar.xz (~0.3 MB per binary
#                                                        #    against ~6.6): the device carries at most
#                                                        #    64 MiB with the tracked tree and .gpu
#   on the GPU machine (carry kernels/tools/out), one device call:
#     CHECK="cand cand80" PERF_ARGS="--perf-n 16384" bash kernels/tools/ab.sh run base cand
#
# `run` checks each binary named in CHECK (kcheck --no-perf, at most CHECK_TIMEOUT seconds, 300
# unless set: every entry against its emulation,
# outputs poisoned first), then times the binaries of its arguments interleaved, twice over (so a
# clock drift shows as a difference between the two rounds rather than between binaries), and
# prints one line per method and shape with both rounds' TFLOP/s per binary. Full logs go to
# $OUT/ab (packed as $OUT/ab.tar.gz, since the device returns only a few files).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/out
mode=${1:?usage: ab.sh build NAME [SHAPES.h|GIT_REV] [ARCH] | ab.sh pack NAME... | ab.sh run NAME...}
shift

case $mode in
  build)
    name=${1:?build needs a NAME}
    what=${2:-}
    arch=${3:-sm_90a}
    mkdir -p "$out"
    src=$here/..
    include=()
    if [ -n "$what" ] && [ -f "$what" ]; then
      include=(-include "$(cd "$(dirname "$what")" && pwd)/$(basename "$what")")
    elif [ -n "$what" ]; then  # a git revision: its kernels/ in a temporary tree
      tmp=$(mktemp -d)
      git -C "$(git -C "$here" rev-parse --show-toplevel)" archive "$what" kernels | tar -x -C "$tmp"
      src=$tmp/kernels
    fi
    case $arch in
      compute_*) gencode=-gencode=arch=$arch,code=$arch ;;
      sm_*) gencode=-gencode=arch=compute_${arch#sm_},code=$arch ;;
      *) echo "ab.sh: arch '$arch' is neither sm_XX nor compute_XX" >&2; exit 2 ;;
    esac
    (cd "$src/tools" && nvcc -O3 -std=c++17 "$gencode" -I.. "${include[@]}" kcheck.cu -o "$out/kcheck_$name")
    echo "built $out/kcheck_$name ($arch${what:+ from $what})"
    ;;
  pack)
    [ $# -ge 1 ] || { echo "ab.sh pack needs at least one NAME" >&2; exit 2; }
    names=()
    for b in "$@"; do names+=("kcheck_$b"); done
    tar -C "$out" -cJf "$out/kcheck.tar.xz" "${names[@]}"
    rm -f "${names[@]/#/$out/}"
    echo "packed ${names[*]} into $out/kcheck.tar.xz ($(du -h "$out/kcheck.tar.xz" | cut -f1))"
    ;;
  run)
    [ $# -ge 1 ] || { echo "ab.sh run needs at least one NAME" >&2; exit 2; }
    : "${OUT:?run is meant for the GPU machine, where \$OUT is set}"
    [ -f "$out/kcheck.tar.xz" ] && tar -C "$out" -xJf "$out/kcheck.tar.xz"
    logs=$OUT/ab
    mkdir -p "$logs"
    nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$logs/smi.txt" 2>&1 || true
    for b in ${CHECK:-}; do
      t0=$(date +%s)
      rc=0
      timeout "${CHECK_TIMEOUT:-300}" "$out/kcheck_$b" --no-perf > "$logs/check_$b.txt" 2>&1 || rc=$?
      echo "check $b: rc=$rc, $(( $(date +%s) - t0 )) s, $(grep '== correctness' "$logs/check_$b.txt" || echo 'no verdict')"
    done
    for round in 1 2; do
      for b in "$@"; do
        # shellcheck disable=SC2086 # PERF_ARGS is a list of kcheck options
        "$out/kcheck_$b" --no-check --reps 15 ${PERF_ARGS:-} > "$logs/perf_${b}_$round.txt" 2>&1
      done
    done
    for b in "$@"; do
      echo "== $b (TFLOP/s, round 1 and 2)"
      grep -h "^perf" "$logs/perf_${b}_"*.txt | grep -v quantize | awk '{print $2, $3, $4, $7}' | sort \
        | awk '{k = $1 " " $2 " " $3; v[k] = v[k] " " $4} END {for (k in v) print k, v[k]}' | sort
    done
    tar -C "$OUT" -czf "$OUT/ab.tar.gz" ab
    ;;
  *)
    echo "ab.sh: mode '$mode' is none of build, pack, run" >&2
    exit 2
    ;;
esac
