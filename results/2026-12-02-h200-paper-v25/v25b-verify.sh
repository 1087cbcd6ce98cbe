#!/usr/bin/env bash
# Second device call of v25: the blocking kernel (selftest's timing check; bench blocked against
# --no-block, alternating twice), the sampling protocols in PyTorch (timing_protocols.py), kcheck
# main vs short entries at N=16k, and reproduce with the PyTorch peer (the v25 result set).
set -u
w=$OUT/w; mkdir -p "$w"
pack() { tar -C "$OUT" -czf "$OUT/v25b.tar.gz" w; }
step() { local name=$1 t=$2; shift 2; local s=$(date +%s); timeout "$t" "$@" > "$w/$name.log" 2>&1; echo "$name rc=$? $(( $(date +%s) - s ))s" | tee -a "$w/steps.txt"; pack; }
nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,temperature.gpu,power.draw --format=csv > "$w/smi.txt" 2>&1
export ATTN_BENCH_JAVA_OPTS=-Xmx48g
d=kernels/tools/out
tar -C $d -xJf $d/kcheck.tar.xz && rm $d/kcheck.tar.xz
printf '#!/usr/bin/env bash\nexec "$(dirname "$0")/kcheck_v25" --short "$@"\n' > $d/kcheck_v25s; chmod +x $d/kcheck_v25s
step info 30 bash scripts/gpu-run.sh info
step selftest-quick 90 bash scripts/gpu-run.sh selftest --quick --seed 11 --head-dim 64
step protocols-1k 60 python3 kernels/tools/timing_protocols.py --seq-len 1024 --head-dim 64 --samples 400
step ab-16384 60 env OUT="$w/ab_16384" PERF_ARGS="--perf-d 64 --perf-n 16384" bash kernels/tools/ab.sh run v25 v25s
for r in 1 2; do
  for b in block noblock; do
    flag=; [ $b = noblock ] && flag=--no-block
    step bench-$b-$r 75 bash scripts/gpu-run.sh bench --method fp16,int8,int8-plus --seq-len 1024,2048,4096,8192 --head-dim 64 --max-time-per-point 2 $flag --out "$w/bench-$b-$r"
  done
done
step reproduce 200 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml --peer torch-sdpa --out "$w/reproduce"
cat "$w/steps.txt"
grep -h "passed, .* failed\|timing:" "$w/selftest-quick.log"
cat "$w/protocols-1k.log"
grep -v "^check" "$w/ab-16384.log" | grep -v "fp8e\|int8half\|int8qsum"
for r in 1 2; do for b in block noblock; do echo "== $b $r"; cut -d, -f1,4,8,9,10,11 "$w/bench-$b-$r/latency.csv" | tail -n +2; done; done
grep -h "^| int8 speedup over fp16 |" "$w/reproduce/REPORT.md"
