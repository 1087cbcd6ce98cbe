#!/usr/bin/env bash
# Sixth H100 call: the SM clock during the load, not after it. nvidia-smi samples the clock, power
# and clock-event reasons every 100 ms while the bench samples int8 and then fp16 (D = 64, N = 16k)
# for 8 s each (--stdrel 1e-6 never settles; every sample's probe clock saved), and while
# torch._int_mm runs for 4 s; the probe readings after each sample sit beside the driver's during.
set -u
source kernels/tools/device-steps.sh h100during
nvidia-smi --query-gpu=timestamp,clocks.sm,clocks.max.sm,power.draw,clocks_event_reasons.active \
  --format=csv -lms 100 > "$w/smi-during.csv" 2>&1 &
smi_pid=$!
step bench-int8 60 bash scripts/gpu-run.sh bench --method int8 --seq-len 16384 --head-dim 64 \
  --stdrel 0.000001 --max-time-per-point 8 --save-samples --out "$w/bench-int8"
sleep 2
step bench-fp16 60 bash scripts/gpu-run.sh bench --method fp16 --seq-len 16384 --head-dim 64 \
  --stdrel 0.000001 --max-time-per-point 8 --save-samples --out "$w/bench-fp16"
sleep 2
step int-mm 30 python3 -c "
import torch, time
a = torch.randint(-128, 127, (8192, 8192), device='cuda', dtype=torch.int8)
t0 = time.time()
while time.time() - t0 < 4:
    for _ in range(10): torch._int_mm(a, a)
    torch.cuda.synchronize()
print('done')"
sleep 1
kill $smi_pid
pack
cat "$w/steps.txt"
for m in int8 fp16; do
  f=$(ls "$w"/bench-$m/samples/*.csv)
  awk -F, 'NR>1 {print $3}' "$f" | sort -n | awk -v m=$m '{a[NR]=$1} END {print m, "probe after samples: min", a[1], "median", a[int((NR+1)/2)], "max", a[NR], "n", NR}'
done
awk -F', ' 'NR>1 {print $2, $4}' "$w/smi-during.csv" | sort | uniq -c | sort -k2,2n | tail -40
