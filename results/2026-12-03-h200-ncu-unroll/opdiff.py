import csv, gzip, sys, collections, re
def ops(path):
    rows = list(csv.reader(gzip.open(path, "rt")))
    hdr, data = rows[1], rows[2:]
    ix = {h: i for i, h in enumerate(hdr)}
    c = collections.Counter(); s = collections.Counter()
    for r in data:
        src = r[ix['Source']].strip()
        m = re.match(r'(@!?U?P\w+\s+)?([A-Z0-9_]+)', src)
        op = m.group(2) if m else src
        c[op] += int(r[ix['Instructions Executed']] or 0)
        s[op] += int(r[ix['Warp Stall Sampling (All Samples)']] or 0)
    return c, s
a, sa = ops(sys.argv[1]); b, sb = ops(sys.argv[2])
scores = 4*32*16384*16384  # B*H*N*N
ta, tb = sum(a.values()), sum(b.values())
print(f"total warp instr: {ta:,} vs {tb:,}  ({100*(tb/ta-1):+.2f}%); thread instr/score {32*ta/scores:.3f} vs {32*tb/scores:.3f}")
sta, stb = sum(sa.values()), sum(sb.values())
for op in sorted(set(a)|set(b), key=lambda o: -abs(a[o]-b[o]))[:16]:
    print(f"{op:10s} {32*a[op]/scores:7.3f} {32*b[op]/scores:7.3f}  diff {32*(b[op]-a[op])/scores:+.3f}/score   samples {100*sa[op]/sta:5.1f}% {100*sb[op]/stb:5.1f}%")
