#!/usr/bin/env python3
"""Tests the diagnosis of the authors' causal error (NOTES.md, call 1) on the GPU.

Their `_attn_fwd_inner_full_int8` returns `acc, l_i` but not the running maximum `m_i`, so with
causal=True the diagonal stage would start again from m_i = -inf and drop what the off-diagonal
stage summed. If that is the whole fault, a copy whose inner function also returns m_i (and whose
two call sites take it) computes causal attention, while the copy as written does not; both agree
non-causal. Call 3 found a second fault at N = 1k, where the copy with m_i returned still erred:
their configs let autotuning pick BLOCK_N > BLOCK_M, which the split into an off-diagonal and a
diagonal stage does not handle (the Triton tutorial's configs keep BLOCK_N <= BLOCK_M). A third copy
takes both changes. Each is held against FP64 of its own quantized operands, all heads of batch 0,
and the config autotuning picked is printed.

    python3 causal_check.py --authors DIR   (DIR as for reproduce --peer authors=DIR)
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src",
                                "main", "resources", "scripts"))
from authors_peer import (load_authors, quantize_per_tensor,  # noqa: E402
                          quantize_per_token, relative_l1)

# The first change: the inner function returns m_i, and both call sites take it.
RETURN_M = ("flash_atten_full_int8.py",
            [("    return acc, l_i\n", "    return acc, l_i, m_i\n"),
             ("acc, l_i = _attn_fwd_inner_full_int8(", "acc, l_i, m_i = _attn_fwd_inner_full_int8(")])
# The second: autotuning keeps to configs with BLOCK_N <= BLOCK_M.
N_WITHIN_M = ("configs.py", [("    return True\n", "    return BLOCK_N <= BLOCK_M\n")])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--authors", required=True)
    ap.add_argument("--heads", type=int, default=8)
    args = ap.parse_args()
    import torch

    kernels = {"as written": load_authors(args.authors),
               "m_i returned": load_authors(args.authors, [RETURN_M]),
               "m_i returned, BLOCK_N <= BLOCK_M": load_authors(args.authors,
                                                                [RETURN_M, N_WITHIN_M])}
    print("| kernel | N | D | causal | relative L1 vs FP64 (max over heads) | config |")
    print("|---|---|---|---|---|---|")
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
                    config = getattr(module._attn_fwd_full_int8, "best_config", None)
                    print(f"| {name} | {n} | {d} | {causal} | {worst:.3e} | {config} |",
                          flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
