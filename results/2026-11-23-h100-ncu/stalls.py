# Stall samples of one kernel from ncu's SASS source page (CSV, gzip), split at an instruction
# index into two regions (for the warp-specialized INT8 kernel: the consumers' code and, from
# --split on, the producer warps' loads): executed instructions and stall reasons per region, and
# the instructions holding the most barrier stalls with the instruction before each.
#   python3 stalls.py shipped_int8_d128.sass.csv.gz --split 2790
import argparse, collections, csv, gzip

ap = argparse.ArgumentParser()
ap.add_argument("csv")
ap.add_argument("--split", type=int, default=None)
args = ap.parse_args()
rows = list(csv.reader(gzip.open(args.csv, "rt")))
hdr, data = rows[1], rows[2:]
ix = {h: i for i, h in enumerate(hdr)}
reasons = [h for h in hdr if h.startswith("stall_") and "Not Issued" not in h]
split = args.split if args.split is not None else len(data)
executed = [int(r[ix["Instructions Executed"]] or 0) for r in data]
total = sum(executed)
for name, a, b in (("consumers", 0, split), ("producers", split, len(data))):
    if a >= b:
        continue
    c = collections.Counter()
    for r in data[a:b]:
        for h in reasons:
            c[h[6:]] += int(r[ix[h]] or 0)
    n = sum(c.values())
    print(f"{name}: instructions {a}..{b - 1}, {sum(executed[a:b]):,} executed "
          f"({100 * sum(executed[a:b]) / total:.1f}%), {n:,} stall samples")
    print("  " + ", ".join(f"{h} {100 * v / n:.1f}%" for h, v in c.most_common(10)))
    bars = sorted(((int(r[ix["stall_barrier"]] or 0), k) for k, r in enumerate(data[a:b], a)), reverse=True)
    for v, k in bars[:4]:
        print(f"  barrier {100 * v / n:4.1f}% at {k} {data[k][ix['Source']].strip()[:48]:48s} "
              f"after: {data[k - 1][ix['Source']].strip()[:48]}")
