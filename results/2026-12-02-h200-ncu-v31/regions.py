import csv,gzip,collections,sys
rows=list(csv.reader(gzip.open(sys.argv[1],'rt')))
hdr=rows[1]; data=rows[2:]
ix={h:i for i,h in enumerate(hdr)}
split=next(k for k,r in enumerate(data) if 'USETMAXREG.DEALLOC' in r[ix['Source']])
reasons=[h for h in hdr if h.startswith('stall_') and 'Not Issued' not in h]
A='Warp Stall Sampling (All Samples)'
for name,a,b in (('consumers',0,split),('producers',split,len(data))):
    tot=sum(int(r[ix[A]] or 0) for r in data[a:b])
    c=collections.Counter()
    for r in data[a:b]:
        for h in reasons: c[h[6:]]+=int(r[ix[h]] or 0)
    known=sum(c.values())
    # samples at IGMMA instructions not attributed to a listed reason
    gm=sum(int(r[ix[A]] or 0)-sum(int(r[ix[h]] or 0) for h in reasons) for r in data[a:b])
    print(f"{name}: {tot} samples; unlisted (wgmma issue) {100*gm/tot:.1f}%; "+", ".join(f"{h} {100*v/tot:.1f}%" for h,v in c.most_common(9)))
    ex=sum(int(r[ix['Instructions Executed']] or 0) for r in data[a:b])
    print(f"   executed warp instructions {ex:,}")
