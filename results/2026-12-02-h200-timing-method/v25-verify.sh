#!/usr/bin/env bash
# One device call for v25 (short-entry bounds raised: int8/int8+u8p 2048, int8-plus/int8+qsum 8192)
# and the L2-flush experiment: kcheck --short (its first GPU run: check, then main vs short entries
# timed interleaved at N = 1k..8k), info, and the Java bench of fp16, int8, int8-plus at D=64 with
# --l2-flush write and read, alternating, twice each (the bimodal N=1k samples of v23/v24).
set -u
w=$OUT/w; mkdir -p "$w"
pack() { tar -C "$OUT" -czf "$OUT/v25.tar.gz" w; }
step() { local name=$1 t=$2; shift 2; local s=$(date +%s); timeout "$t" "$@" > "$w/$name.log" 2>&1; echo "$name rc=$? $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"; pack; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$w/smi.txt" 2>&1
export ATTN_BENCH_JAVA_OPTS=-Xmx48g
d=kernels/tools/out
tar -C $d -xJf $d/kcheck.tar.xz && rm $d/kcheck.tar.xz
printf '#!/usr/bin/env bash\nexec "$(dirname "$0")/kcheck_v25" --short "$@"\n' > $d/kcheck_v25s; chmod +x $d/kcheck_v25s
step check-short 150 $d/kcheck_v25s --no-perf
for n in 1024 2048 4096 8192; do
  step ab-$n 60 env OUT="$w/ab_$n" PERF_ARGS="--perf-d 64 --perf-n $n" bash kernels/tools/ab.sh run v25 v25s
done
step info 30 bash scripts/gpu-run.sh info
for r in 1 2; do
  for f in write read; do
    step bench-$f-$r 75 bash scripts/gpu-run.sh bench --method fp16,int8,int8-plus --seq-len 1024,2048,4096,8192 --head-dim 64 --max-time-per-point 2 --l2-flush $f --out "$w/bench-$f-$r"
  done
done
cat "$w/steps.txt"
grep -h "== correctness\|^FAIL" "$w/check-short.log" | head
for n in 1024 2048 4096 8192; do grep -v "^check" "$w/ab-$n.log" | grep -v "fp8e\|int8half\|int8qsum"; done
for r in 1 2; do for f in write read; do echo "== $f $r"; cut -d, -f1,4,8,9,10,11 "$w/bench-$f-$r/latency.csv" | tail -n +2; done; done
