#!/usr/bin/env bash
# Stop 50's first device call (carrying .gpu and kernels/tools/out with peak built from 03d037d;
# its e4m3 mma.sync row was an artefact, fixed in 2e1720c and re-run by run2.sh):
#   1. kernels/tools/peak.cu: the tensor-core ceilings, random operands, then zeros;
#   2. a list flag with an empty item refused on the GPU host (exit 2, nothing run);
#   3. scripts/gpu-session.sh STEPS=1,4,5: info, the main job (reproduce configs/paper.yaml with the
#      PyTorch peer) and jmh, with the tool at this stop's commit.
set -u
source kernels/tools/device-steps.sh stop50
begin_call
step peak-random 150 kernels/tools/out/peak
step peak-zeros 150 kernels/tools/out/peak --zeros
step empty-item 60 bash scripts/gpu-run.sh bench --seq-len 1024, --out "$OUT/refused"
echo "empty-item exit: $(grep -c 'has an empty item' "$w/empty-item.log") line(s); folder made: $(test -e "$OUT/refused" && echo yes || echo no)" >> "$w/steps.txt"
smi
pack
STEPS=1,4,5 timeout 360 bash scripts/gpu-session.sh "$OUT"
cat "$w/steps.txt"
tail -n 12 "$w/peak-random.log" "$w/peak-zeros.log"
cat "$OUT/gpu-session.txt" 2>/dev/null
