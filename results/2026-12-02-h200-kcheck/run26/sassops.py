import sys, re, collections
# cuobjdump -sass BIN | python3 sassops.py FUNC...: static opcode counts of chosen families
cur = None; counts = collections.defaultdict(collections.Counter)
for line in sys.stdin:
    m = re.match(r'\s+Function : (\S+)', line)
    if m: cur = m.group(1); continue
    m = re.match(r'\s+/\*[0-9a-f]{4,5}\*/\s+(@!?U?P\w+\s+)?([A-Z0-9_.]+)', line)
    if m and cur: counts[cur][m.group(2)] += 1
keys = ['I2F', 'IMAD.MOV', 'CS2R', 'FADD', 'FMUL', 'FFMA', 'MOV', 'HGMMA', 'IGMMA']
for f in sys.argv[1:]:
    c = counts.get(f, collections.Counter())
    fam = {k: sum(v for op, v in c.items() if op == k or op.startswith(k + '.')) for k in keys}
    print(f, 'total', sum(c.values()), ' '.join(f'{k}={v}' for k, v in fam.items()),
          ' '.join(sorted({op for op in c if op.startswith('I2F')})))
