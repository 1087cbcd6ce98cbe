#!/usr/bin/env python3
"""Why are cold samples at N=1k bimodal? Times one FP16 attention call (PyTorch SDPA, flash and
cuDNN backends) under several sampling protocols, one after the other in one process, and prints
per protocol the median, p10, p90, the share of samples in the slow mode (> 1.08 x p10) and how
clustered those are (P(slow | previous slow)). The protocols differ in one thing each from the one
ColdMeasurement used before v25 (write flush of 2x L2, events around the call, a host sync after
each sample; results/2026-12-02-h200-timing-method has the run and what it changed):

  write-sync   ColdMeasurement before v25: fill_ of 2x L2, events, synchronize each sample
  read-sync    the flush reads 2x L2 (sum) instead of writing it
  warm-sync    no flush (warm L2)
  write-batch  write-sync, but every sample enqueued back to back with one sync at the end (the GPU
               idles only where the host cannot keep up)
  write-busy   write-sync with a ~0.1 ms GPU spin (torch.cuda._sleep) between the flush and the start
               event: the host enqueues the call while the GPU spins, so no host time between
               the start event and the call's launch is timed (nvbench's blocking kernel does
               this with a flag the host releases)
  write-gap    write-sync with a 2 ms host sleep after each sample (a longer idle GPU)

Usage (GPU host): python3 timing_protocols.py [--seq-len 1024] [--head-dim 64] [--samples 400]
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F
from torch.nn.attention import SDPBackend, sdpa_kernel


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * (len(xs) - 1) + 0.5))]


def summary(name, xs):
    p10 = pct(xs, 0.10)
    slow = [x > 1.08 * p10 for x in xs]
    ns = sum(slow)
    after = sum(1 for a, b in zip(slow, slow[1:]) if a and b)
    clustered = after / max(1, sum(slow[:-1]))
    return (f"{name:12s} n={len(xs):4d} median={statistics.median(xs):.4f} p10={p10:.4f} "
            f"p90={pct(xs, 0.90):.4f} slow={ns / len(xs):5.1%} P(slow|slow)={clustered:5.1%}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seq-len", type=int, default=1024)
    ap.add_argument("--head-dim", type=int, default=64)
    ap.add_argument("--samples", type=int, default=400)
    a = ap.parse_args()
    dev = torch.device("cuda", 0)
    q, k, v = (torch.randn(4, 32, a.seq_len, a.head_dim, device=dev, dtype=torch.float16) for _ in range(3))
    l2 = torch.cuda.get_device_properties(dev).L2_cache_size
    buf = torch.empty(2 * l2 // 4, dtype=torch.int32, device=dev)
    buf.fill_(0x5A5A5A5A)
    ev = [(torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)) for _ in range(a.samples)]

    def one(call, flush, spin=False, sync=True, i=0):
        if flush == "write":
            buf.fill_(0x5A5A5A5A)
        elif flush == "read":
            buf.sum()
        if spin:
            torch.cuda._sleep(200_000)
        s, e = ev[i]
        s.record()
        call()
        e.record()
        if sync:
            e.synchronize()
            return s.elapsed_time(e)
        return None

    def protocol(call, kind):
        for _ in range(20):
            one(call, "write")
        if kind == "write-batch":
            for i in range(a.samples):
                one(call, "write", sync=False, i=i)
            torch.cuda.synchronize()
            return [s.elapsed_time(e) for s, e in ev]
        out = []
        for i in range(a.samples):
            if kind == "write-sync":
                out.append(one(call, "write"))
            elif kind == "read-sync":
                out.append(one(call, "read"))
            elif kind == "warm-sync":
                out.append(one(call, None))
            elif kind == "write-busy":
                out.append(one(call, "write", spin=True))
            elif kind == "write-gap":
                out.append(one(call, "write"))
                time.sleep(0.002)
        return out

    kinds = ["write-sync", "read-sync", "warm-sync", "write-batch", "write-busy", "write-gap", "write-sync"]
    print(f"{torch.cuda.get_device_name(dev)}, torch {torch.__version__}, B=4 H=32 N={a.seq_len} "
          f"D={a.head_dim} fp16, L2 {l2 >> 20} MiB, {a.samples} samples per protocol")
    for backend in (SDPBackend.FLASH_ATTENTION, SDPBackend.CUDNN_ATTENTION):
        def call():
            with sdpa_kernel(backend):
                F.scaled_dot_product_attention(q, k, v)
        try:
            call()
            torch.cuda.synchronize()
        except RuntimeError as e:
            print(f"{backend.name}: not available ({e})")
            continue
        print(f"== {backend.name}")
        for kind in kinds:
            print(summary(kind, protocol(call, kind)), flush=True)


if __name__ == "__main__":
    main()
