#!/usr/bin/env python3
"""The host check of NOTES.md: for each step of widen_fp8_tile at D = 128 (64 rows, 128 producer
threads), the worst number of a quarter warp's 16-byte accesses that share a bank group, for the
raw read and the two f16 stores, in v57's in-order mapping and in v58's row pairs (tile_offset as in
kernels/attn_common.cuh); and that each mapping widens every chunk once."""
from collections import Counter


def tile_offset(chunks, row, chunk, panel_rows=0):
    if panel_rows > 0 and chunks > 8:
        return (chunk >> 3) * panel_rows * 128 + tile_offset(8, row, chunk & 7)
    phys = chunk ^ (row & 7) if chunks >= 8 else chunk ^ ((row >> 1) & 3)
    return (row * chunks + phys) * 16


def analyze(pairs, d=128, rows=64, threads=128):
    raw_chunks, chunks = d // 16, d // 8
    total, quarters = rows * raw_chunks, threads // 8
    panel_rows = rows if d == 128 else 0
    seen, worst = set(), {"raw": 1, "lo": 1, "hi": 1}
    for it in range(total // threads):
        places = []
        for tid in range(threads):
            idx = it * threads + tid
            row, c = idx // raw_chunks, idx % raw_chunks
            if pairs:
                l, sub = tid & 7, (tid & 7) >> 2
                row = 2 * ((tid >> 3) + quarters * (it >> 1)) + sub
                c = (l & 3) + 4 * (sub ^ (it & 1))
            places.append((row, c))
            seen.add((row, c))
        for q in range(quarters):
            group = places[8 * q : 8 * q + 8]
            addresses = {
                "raw": [tile_offset(raw_chunks, r, c) for r, c in group],
                "lo": [tile_offset(chunks, r, 2 * c, panel_rows) for r, c in group],
                "hi": [tile_offset(chunks, r, 2 * c + 1, panel_rows) for r, c in group],
            }
            for kind, a in addresses.items():
                worst[kind] = max(worst[kind], max(Counter(x // 16 % 8 for x in a).values()))
    return len(seen) == total, worst


print("D=128 v57 in order: every chunk once %s, worst %s" % analyze(False))
print("D=128 v58 row pairs: every chunk once %s, worst %s" % analyze(True))
print("D=64 in order (unchanged): every chunk once %s, worst %s" % analyze(False, d=64))
