#!/usr/bin/env python3
"""Tests the diagnosis of the authors' causal error (NOTES.md, call 1) on the GPU.

Their `_attn_fwd_inner_full_int8` returns `acc, l_i` but not the running maximum `m_i`, so with
causal=True the diagonal stage would start again from m_i = -inf and drop what the off-diagonal
stage summed. If that is the whole fault, a copy whose inner function also returns m_i (and whose
two call sites take it) computes causal attention, while the copy as written does not; both agree
non-causal. Each is held against FP64 of its own quantized operands, all heads of batch 0.

    python3 causal_check.py --authors DIR   (DIR as for reproduce --peer authors=DIR)
"""
import argparse
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src",
                                "main", "resources", "scripts"))
from authors_peer import (AUTHORS_FILES, quantize_per_tensor,  # noqa: E402
                          quantize_per_token, relative_l1)

# The one change: the inner function returns m_i, and both call sites take it.
FIX = [("    return acc, l_i\n", "    return acc, l_i, m_i\n"),
       ("acc, l_i = _attn_fwd_inner_full_int8(", "acc, l_i, m_i = _attn_fwd_inner_full_int8(")]


def load(folder, fixed):
    import importlib

    tmp = tempfile.mkdtemp(prefix="authors-fixed-" if fixed else "authors-")
    for f in AUTHORS_FILES:
        shutil.copy(os.path.join(folder, f), tmp)
    if fixed:
        path = os.path.join(tmp, AUTHORS_FILES[0])
        text = open(path).read()
        for old, new in FIX:
            assert old in text, f"the authors' file has no {old!r}"
            text = text.replace(old, new)
        open(path, "w").write(text)
    sys.path.insert(0, tmp)
    for name in ("configs", "flash_atten_full_int8"):
        sys.modules.pop(name, None)
    try:
        return importlib.import_module("flash_atten_full_int8")
    finally:
        sys.path.remove(tmp)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--authors", required=True)
    ap.add_argument("--heads", type=int, default=8)
    args = ap.parse_args()
    import torch

    kernels = {"as written": load(args.authors, False), "m_i returned": load(args.authors, True)}
    print("| kernel | N | D | causal | relative L1 vs FP64 (max over heads) |")
    print("|---|---|---|---|---|")
    for d in (64, 128):
        for n in (1024, 2048):
            torch.manual_seed(n + d)
            q, k, v = (torch.randn(1, args.heads, n, d, dtype=torch.float16, device="cuda")
                       for _ in range(3))
            q8, qs = quantize_per_token(q)
            k8, ks = quantize_per_token(k)
            v8, vs = quantize_per_tensor(v)
            for causal in (False, True):
                for name, module in kernels.items():
                    o = module.attention_full_int8(q8, k8, v8, qs, ks, vs, causal, 1.3)
                    worst = max(relative_l1(
                        torch, o[0, h],
                        q8[0, h].double() * qs[0, h].double()[:, None],
                        k8[0, h].double() * ks[0, h].double()[:, None],
                        v8[0, h].double() * vs[0, h].double(), 1.3, causal)
                        for h in range(args.heads))
                    print(f"| {name} | {n} | {d} | {causal} | {worst:.3e} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
