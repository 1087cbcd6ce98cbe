import csv, sys, collections, re
rows = list(csv.reader(open(sys.argv[1])))
hdr = rows[1]; data = rows[2:]
ix = {h:i for i,h in enumerate(hdr)}
ops = collections.Counter(); samples = collections.Counter(); total=0
stall_cols = [h for h in hdr if h.startswith('stall_') and 'Not Issued' not in h]
stalls = collections.Counter()
for r in data:
    src = r[ix['Source']].strip()
    m = re.match(r'(@!?U?P\w+\s+)?([A-Z0-9_]+)(\.[A-Z0-9_.]+)?', src)
    op = m.group(2) if m else src
    n = int(r[ix['Instructions Executed']] or 0)
    ops[op] += n; total += n
    samples[op] += int(r[ix['Warp Stall Sampling (All Samples)']] or 0)
    for c in stall_cols: stalls[c] += int(r[ix[c]] or 0)
print("total warp instructions executed", total)
st = sum(samples.values())
for op, n in ops.most_common(30): print(f"{op:12s} {n:15,d} {100*n/total:5.1f}%  samples {100*samples[op]/st:5.1f}%")
ss = sum(stalls.values())
print("stall reasons (all samples):", ", ".join(f"{k[6:]} {100*v/ss:.1f}%" for k,v in stalls.most_common(10)))
