#!/usr/bin/env bash
# Last device call of the session: the pieces not yet run on a GPU. bench --save-samples; reproduce
# of configs/quick.yaml with the PyTorch peer under --l2-flush read --no-block (the peer's flags);
# selftest --no-timing-check.
set -u
w=$OUT/w; mkdir -p "$w"
export ATTN_BENCH_JAVA_OPTS=-Xmx48g
step() { local name=$1 t=$2; shift 2; local s=$(date +%s); timeout "$t" "$@" > "$w/$name.log" 2>&1; echo "$name rc=$? $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"; tar -C "$OUT" -czf "$OUT/final.tar.gz" w; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv > "$w/smi.txt" 2>&1
step bench-samples 60 bash scripts/gpu-run.sh bench --method fp16,int8 --seq-len 1024,4096 --head-dim 64 --max-time-per-point 1 --save-samples --out "$w/bench-samples"
step quick-peer 120 bash scripts/gpu-run.sh reproduce --config configs/quick.yaml --peer torch-sdpa --l2-flush read --no-block --out "$w/quick-peer"
step selftest-no-timing 60 bash scripts/gpu-run.sh selftest --quick --no-timing-check --method fp16 --head-dim 64
cat "$w/steps.txt"
ls "$w/bench-samples/samples"; head -3 "$w/bench-samples/samples/"*fp16*1024*.csv
grep -h "l2_flush\|blocking" "$w/quick-peer/run.json"
cut -d, -f1,4,8,9,10,11 "$w/quick-peer/latency.csv"
tail -2 "$w/selftest-no-timing.log"
