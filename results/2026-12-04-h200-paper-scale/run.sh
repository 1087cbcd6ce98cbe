#!/usr/bin/env bash
# The main job at the authors' softmax scale. Until b5c4712 the latency path timed our kernels at
# 1/sqrt(D) whatever paper.yaml said (1.3, from the authors' benchmark.py), while the PyTorch peer
# was given 1.3. Here, with the fix: reproduce --config configs/paper.yaml --peer torch-sdpa on
# normal and uniform(0,1) inputs, two rounds in alternation; between them, our fp16, int8 and
# fp8-native at both scales in one call (bench --softmax-scale), two rounds.
# Run on the device from the repository root: bash results/2026-12-04-h200-paper-scale/run.sh
source kernels/tools/device-steps.sh paperscale
begin_call
job() {  # job ROUND DIST TAG
  step "reproduce-$3-r$1" 150 bash scripts/gpu-run.sh reproduce --config configs/paper.yaml \
    --peer torch-sdpa --input-dist "$2" --out "$w/$3-r$1"
  smi; cp "$w/smi.txt" "$w/smi-after-$3-r$1.txt"; pack
}
scales() {  # scales ROUND
  for D in 64 128; do
    for s in root 1.3; do
      x=$s; if [ "$s" = root ]; then x=$(python3 -c "print(1/$D**0.5)"); fi
      step "bench-d$D-$s-r$1" 60 bash scripts/gpu-run.sh bench --method fp16,int8,fp8-native \
        --head-dim $D --seq-len 1024,4096,16384 --softmax-scale "$x" --max-time-per-point 2 \
        --out "$w/scale-d$D-$s-r$1"
    done
  done
}
job 1 normal normal
job 1 "uniform(0,1)" uniform
scales 1
scales 2
job 2 normal normal
job 2 "uniform(0,1)" uniform
