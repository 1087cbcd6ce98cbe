#!/usr/bin/env bash
# Helpers for a one-call device script (the verify scripts kept beside each result folder), sourced:
#   source kernels/tools/device-steps.sh v28      # work folder $OUT/w, packed as $OUT/v28.tar.gz;
#                                                  # the clocks at the start into w/smi-start.txt,
#                                                  # and the kcheck binaries the call carries
#                                                  # (kernels/tools/out/kcheck.tar.xz) unpacked
#   smi                                            # nvidia-smi clocks and power into w/smi.txt
#   step NAME SECONDS CMD...                       # CMD's output into w/NAME.log under a timeout;
#                                                  # "NAME rc=R Ts" into w/steps.txt; repack
#   sanitize racecheck 60 d64 --quick --head-dim 64  # compute-sanitizer's tool over the jar's
#                                                  # selftest (timing checks off) as step
#                                                  # sanitizer-racecheck-d64, cut at the seconds
#                                                  # given or at what is left of the call's budget
#   bench_ab v71 v70 2 40 --method int8 --head-dim 128 --seq-len 4096,8192 --causal both
#                                                  # the Java bench of the bundle's jar (v71) and of
#                                                  # the same jar with v70's fatbins (.gpu/ptx-v70/
#                                                  # *.fatbin.xz, and NAME.entries where its entry
#                                                  # points differ; swapped in by gpu-run.sh --ptx),
#                                                  # alternated over 2 rounds, each run a step of
#                                                  # 40 s, into w/ab-v71-v70/: bench-v71-R and
#                                                  # bench-v70-R (with each run's log beside it),
#                                                  # and bench-ab.txt, v71 ÷ v70 per point
#                                                  # (kernels/tools/bench-ab.py)
# The device returns at most 8 files from $OUT, so everything goes into one tarball, repacked after
# each step: a call cut short still returns what its finished steps wrote. CMD must be a program,
# not a shell function (timeout runs it): `step x 60 env VAR=1 bash script.sh`, not `step x 60 f`.
: "${OUT:?device-steps.sh is for the GPU machine, where \$OUT is set}"
device_tag=${1:?usage: source device-steps.sh TAG}
w=$OUT/w
mkdir -p "$w"
device_start=$(date +%s)
device_budget=${DEVICE_BUDGET_S:-590}  # the device's 600 s a call, less the packing
export ATTN_BENCH_JAVA_OPTS=${ATTN_BENCH_JAVA_OPTS:--Xmx48g}
pack() { tar -C "$OUT" -czf "$OUT/$device_tag.tar.gz" w; }
smi() {
  nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw \
    --format=csv > "$w/smi.txt" 2>&1
}
begin_call() {
  smi
  cp "$w/smi.txt" "$w/smi-start.txt"
  if [ -f kernels/tools/out/kcheck.tar.xz ]; then tar -C kernels/tools/out -xJf kernels/tools/out/kcheck.tar.xz; fi
}
step() {
  local name=$1 t=$2 s rc
  shift 2
  s=$(date +%s)
  timeout "$t" "$@" > "$w/$name.log" 2>&1
  rc=$?
  echo "$name rc=$rc $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"
  pack
}
# The sanitizers slow every kernel tens of times, so the selftest's own timing checks are off, it
# runs at 1/sqrt(D) alone (the scale changes values, not the accesses or barriers they check),
# and a run is cut where the call's budget ends rather than losing the call (a cut run's log still
# says how far it got). gpu-run.sh execs the JVM, which --target-processes all follows.
sanitize() {
  local tool=$1 t=$2 name=$3 left
  shift 3
  left=$(( device_budget - ($(date +%s) - device_start) ))
  if [ "$left" -lt "$t" ]; then t=$left; fi
  if [ "$t" -lt 15 ]; then
    echo "sanitizer-$tool-$name skipped: ${left}s left of the call" | tee -a "$w/steps.txt"
    return
  fi
  step "sanitizer-$tool-$name" "$t" compute-sanitizer --tool "$tool" --target-processes all --print-limit 50 \
    bash scripts/gpu-run.sh selftest --no-timing-check --softmax-scale rsqrt "$@"
}
# Rounds alternate the two jars so that a drift of the clock between rounds moves both sides of
# each pair alike (bench-ab.py pairs them by round).
bench_ab() {
  local new=$1 base=$2 rounds=$3 t=$4 round v f d ptx
  shift 4
  d=$w/ab-$new-$base
  mkdir -p .gpu/ptx "$d"
  rm -f .gpu/ptx/*.fatbin .gpu/ptx/*.entries
  for f in .gpu/ptx-"$base"/*.fatbin.xz; do xz -dc "$f" > ".gpu/ptx/$(basename "$f" .xz)"; done
  cp .gpu/ptx-"$base"/*.entries .gpu/ptx/ 2>/dev/null || true
  for round in $(seq "$rounds"); do
    for v in "$new" "$base"; do
      ptx=
      if [ "$v" = "$base" ]; then ptx=--ptx; fi
      step "ab-$new-$base/bench-$v-$round" "$t" bash scripts/gpu-run.sh $ptx bench "$@" --out "$d/bench-$v-$round"
    done
  done
  python3 kernels/tools/bench-ab.py "$d" "$new" "$base" > "$d/bench-ab.txt" 2>&1
  pack
}
begin_call
