#!/usr/bin/env python3
"""NEW ÷ BASE in the Java bench's median time, per point, from the folders bench_ab writes.

  python3 kernels/tools/bench-ab.py DIR NEW BASE

DIR holds bench-NEW-<round>/latency.csv and bench-BASE-<round>/latency.csv (device-steps.sh's
bench_ab). Prints one line per point (method, D, N, mask, scope): the change in median time of
each round's NEW against the same round's BASE, and their mean; negative is NEW faster. Rounds are
paired because the two jars ran alternately in them: a drift of the clock between rounds then
moves both sides of a pair alike.
"""
import csv
import glob
import os
import sys
from collections import defaultdict


def medians(path):
    with open(path) as f:
        return {
            (r["method"], int(r["head_dim"]), int(r["seq_len"]), r["causal"] == "true", r["scope"],
             int(r["batch"]), int(r["heads"])): float(r["median_ms"])
            for r in csv.DictReader(f)
        }


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    root, new, base = sys.argv[1:]
    def csv_of(v, r):
        return os.path.join(root, "bench-%s-%s" % (v, r), "latency.csv")

    prefix = "bench-%s-" % new
    candidates = (os.path.basename(p)[len(prefix):] for p in glob.glob(os.path.join(root, prefix + "*")))
    rounds = sorted(r for r in candidates if os.path.isfile(csv_of(new, r)) and os.path.isfile(csv_of(base, r)))
    if not rounds:
        sys.exit("bench-ab: no round in %s has both bench-%s-R and bench-%s-R" % (root, new, base))
    change = defaultdict(list)
    for r in rounds:
        a = medians(csv_of(new, r))
        b = medians(csv_of(base, r))
        for k in a.keys() & b.keys():
            change[k].append(100.0 * (a[k] / b[k] - 1.0))
    print("%s ÷ %s, median time, change per round (%s) and mean" % (new, base, ", ".join(rounds)))
    for k in sorted(change):
        method, d, n, causal, scope, batch, heads = k
        per = change[k]
        print("%-18s D=%-3d N=%-6d %-6s %-10s B=%d H=%-3d %s  mean %+6.1f%%" % (
            method, d, n, "causal" if causal else "full", scope, batch, heads,
            " ".join("%+6.1f%%" % c for c in per), sum(per) / len(per)))


if __name__ == "__main__":
    main()
