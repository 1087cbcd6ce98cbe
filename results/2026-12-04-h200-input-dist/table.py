#!/usr/bin/env python3
"""Tables of one call of run.sh / run2.sh: python3 table.py call1 > call1/table.txt

Reads CALL/r<round>-<dist>/latency.csv (bench --input-dist) and prints, per method, D and N,
each distribution's median time over normal's in the same round (r1/r2) with the SM clock the
normal and the other run read (round 1), then each method's speedup over fp16 per distribution."""
import csv
import glob
import os
import sys

call = sys.argv[1]
data, dists, methods, Ds, Ns = {}, [], [], set(), set()
for folder in sorted(glob.glob(os.path.join(call, "r[12]-*"))):
    rnd, dist = os.path.basename(folder)[1], os.path.basename(folder)[3:]
    if dist not in dists:
        dists.append(dist)
    for r in csv.DictReader(open(os.path.join(folder, "latency.csv"))):
        m, D, N = r["method"], int(r["head_dim"]), int(r["seq_len"])
        data[(int(rnd), dist, m, D, N)] = (float(r["median_ms"]), float(r["sm_clock_mhz"]))
        if m not in methods:
            methods.append(m)
        Ds.add(D)
        Ns.add(N)
dists.sort(key=lambda d: d != "normal")  # the baseline first
Ns = sorted(Ns)
print("N =", " / ".join(str(n) for n in Ns))
print("\ntime / normal's time in the same round (r1/r2), (SM MHz r1: normal->this)")
for D in sorted(Ds):
    for m in methods:
        for d in dists[1:]:
            cells = []
            for N in Ns:
                rel = [data[(r, d, m, D, N)][0] / data[(r, "normal", m, D, N)][0] for r in (1, 2)]
                clk = (data[(1, "normal", m, D, N)][1], data[(1, d, m, D, N)][1])
                cells.append(f"{rel[0]:.3f}/{rel[1]:.3f} ({clk[0]:.0f}->{clk[1]:.0f})")
            print(f"{m:10s} D={D:3d} {d:24s}| " + "  ".join(cells))
print("\nfp16's time / the method's (speedup over fp16), r1/r2")
for D in sorted(Ds):
    for m in [m for m in methods if m != "fp16"]:
        for d in dists:
            cells = [
                "/".join(f"{data[(r, d, 'fp16', D, N)][0] / data[(r, d, m, D, N)][0]:.3f}" for r in (1, 2))
                for N in Ns
            ]
            print(f"{m:10s} D={D:3d} {d:24s}| " + "  ".join(cells))
