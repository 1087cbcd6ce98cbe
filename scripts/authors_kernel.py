#!/usr/bin/env python3
"""Times the paper's own INT8 kernel (the authors' Triton code) beside PyTorch's FP16 attention.

The tool tests the paper's claim with kernels of our own (a fair FP16 beside the INT8 one). This
answers the other question a reader asks: what does the authors' code do on this card? Their
repository is https://github.com/INT-FlashAttention2024/INT-FlashAttention; we do not carry it.
Fetch `flash_atten_full_int8.py` and `configs.py` of commit 7f7bfb00bcd26b2cef49e7783f51ef610e05abf7
into a folder and name it with --authors (on the GPU host, which has no network, carry it there).

What is timed, on the GPU with PyTorch and Triton:
  - the authors' `attention_full_int8` (INT8 Q, K per-token scales, INT8 V per-tensor scale, P
    quantized to s8 as 127·p) on pre-quantized inputs, as the paper timed it, autotuned over the
    authors' own configs;
  - with --triton-fp16, the authors' FP16 baseline: the Triton tutorial's fused attention in the
    form the authors' INT8 kernel was written from (block pointers, the loop split by STAGE; the
    tutorial's later form, whose loop tests the causal bound per block, fails to compile on Triton
    3.6). The tutorial is Triton's; we do not carry it either: its `_attn_fwd_inner`, `configs`,
    `keep` and `_attn_fwd` of python/tutorials/06-fused-attention.py, in a file of its own;
  - PyTorch SDPA in FP16 with its FlashAttention-2 backend and its cuDNN backend, on the same
    (unquantized) inputs.
Inputs are torch.randn (the paper's), B=4, H=32, softmax scale 1.3 (the authors' benchmark), non-
causal. Each point is timed with triton.testing.do_bench (the authors' tool: it empties L2 before
each repetition) as the median. A correctness probe compares one head of the authors' output with
an FP64 reference of the same quantized operands at the smallest N, so a kernel that ran but
computed something else is caught. Output: one CSV row per (method, N, D), and a table.
"""
import argparse
import csv
import importlib.util
import os
import sys
import time

# The quantizers and the loader are the peer's (reproduce --peer authors=DIR), one source for both.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main",
                                "resources", "scripts"))
from authors_peer import (PLAIN_N_CTX, load_authors, quantize_per_tensor,  # noqa: E402
                          quantize_per_token)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--authors", required=True, help="folder holding the authors' two files")
    ap.add_argument("--seq-len", default="1024,2048,4096,8192,16384")
    ap.add_argument("--head-dim", default="64")
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--heads", type=int, default=32)
    ap.add_argument("--softmax-scale", type=float, default=1.3)
    ap.add_argument("--triton-fp16", help="the Triton tutorial's fused attention (forward, the "
                    "block-pointer form the authors' INT8 kernel was written from): their FP16 baseline")
    ap.add_argument("--out", required=True, help="CSV file to write")
    args = ap.parse_args()

    import torch
    import triton
    from torch.nn.attention import SDPBackend, sdpa_kernel

    dev = torch.cuda.get_device_properties(0)
    print(f"gpu {dev.name}, torch {torch.__version__}, triton {triton.__version__}, "
          f"cuda {torch.version.cuda}", flush=True)
    authors, patched = None, False
    for patch in (False, True):
        try:
            authors = load_authors(args.authors, [PLAIN_N_CTX] if patch else [])
            patched = patch
            # One small launch to learn whether this Triton compiles it as written.
            q = torch.randint(-127, 128, (1, 1, 128, 64), dtype=torch.int8, device="cuda")
            s = torch.ones((1, 1, 128), dtype=torch.float16, device="cuda")
            vs = torch.ones((1, 1), dtype=torch.float16, device="cuda")
            authors.attention_full_int8(q, q, q, s, s, vs, False, 1.3)
            torch.cuda.synchronize()
            break
        except Exception as e:  # the compile error is the finding
            print(f"authors' kernel {'patched' if patch else 'as written'}: "
                  f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}", flush=True)
            authors = None
    if authors is None:
        print("authors' kernel does not run on this Triton")
        return 1
    print(f"authors' kernel runs {'with N_CTX passed as a plain argument' if patched else 'as written'}",
          flush=True)

    tutorial = None
    if args.triton_fp16:
        spec = importlib.util.spec_from_file_location("tutorial_fwd", args.triton_fp16)
        tutorial = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(tutorial)

    rows = []
    B, H, scale = args.batch, args.heads, args.softmax_scale
    for d in [int(x) for x in args.head_dim.split(",")]:
        for n in [int(x) for x in args.seq_len.split(",")]:
            torch.manual_seed(n * 131 + d)
            q = torch.randn(B, H, n, d, dtype=torch.float16, device="cuda")
            k = torch.randn(B, H, n, d, dtype=torch.float16, device="cuda")
            v = torch.randn(B, H, n, d, dtype=torch.float16, device="cuda")
            q8, qs = quantize_per_token(q)
            k8, ks = quantize_per_token(k)
            v8, vs = quantize_per_tensor(v)
            flops = 4.0 * B * H * n * n * d
            t0 = time.time()
            int8 = lambda: authors.attention_full_int8(q8, k8, v8, qs, ks, vs, False, scale)
            int8()  # autotunes at this (N, D): the authors' configs
            tuned = time.time() - t0
            best = getattr(authors._attn_fwd_full_int8, "best_config", None)
            timings = {"authors-int8": triton.testing.do_bench(int8, return_mode="median")}
            if tutorial is not None:
                # The tutorial's own launch (its _attention.forward, non-causal: STAGE 1), FP16
                # inputs. A failure is reported and the other methods still timed.
                o16 = torch.empty_like(q)
                lse = torch.empty((B, H, n), device="cuda", dtype=torch.float32)
                grid = lambda meta: (triton.cdiv(n, meta["BLOCK_M"]), B * H, 1)
                fp16 = lambda: tutorial._attn_fwd[grid](
                    q, k, v, scale, lse, o16, *q.stride(), *k.stride(), *v.stride(), *o16.stride(),
                    B, H, N_CTX=n, HEAD_DIM=d, STAGE=1)
                try:
                    fp16()
                    timings["triton-fp16"] = triton.testing.do_bench(fp16, return_mode="median")
                except Exception as e:
                    print(f"triton-fp16 at N={n} D={d}: {type(e).__name__}: "
                          f"{str(e).splitlines()[0] if str(e) else ''}", flush=True)
            for name, backend in (("torch-flash", SDPBackend.FLASH_ATTENTION),
                                  ("torch-cudnn", SDPBackend.CUDNN_ATTENTION)):
                try:
                    with sdpa_kernel(backend):
                        f = lambda: torch.nn.functional.scaled_dot_product_attention(
                            q, k, v, scale=scale)
                        f()
                        timings[name] = triton.testing.do_bench(f, return_mode="median")
                except Exception as e:
                    print(f"{name} at N={n} D={d}: {type(e).__name__}", flush=True)
            if n == min(int(x) for x in args.seq_len.split(",")):
                # One head against FP64 on the same quantized operands.
                o = int8()[0, 0].double()
                qd = q8[0, 0].double() * qs[0, 0].double()[:, None]
                kd = k8[0, 0].double() * ks[0, 0].double()[:, None]
                vd = v8[0, 0].double() * vs[0, 0].double()
                ref = torch.softmax(qd @ kd.T * scale, dim=-1) @ vd
                mre = ((o - ref).abs().sum() / ref.abs().sum()).item()
                print(f"probe N={n} D={d}: authors-int8 vs FP64 of its operands, relative L1 {mre:.3e}",
                      flush=True)
            for m, ms in timings.items():
                rows.append({"method": m, "batch": B, "heads": H, "seq_len": n, "head_dim": d,
                             "softmax_scale": scale, "median_ms": f"{ms:.5f}",
                             "tflops": f"{flops / ms / 1e9:.1f}", "gpu": dev.name,
                             "authors_config": str(best) if m == "authors-int8" else "",
                             "authors_patched": patched if m == "authors-int8" else ""})
            ratio = " ".join(f"{m} {timings[m] / timings['authors-int8']:.2f}x"
                             for m in timings if m != "authors-int8")
            print(f"N={n:6d} D={d}: authors-int8 {timings['authors-int8']:.3f} ms "
                  f"({flops / timings['authors-int8'] / 1e9:.0f} TOP/s; tuned in {tuned:.0f} s, {best}); "
                  f"authors-int8 speedup over: {ratio}", flush=True)
    with open(args.out + ".tmp", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    os.replace(args.out + ".tmp", args.out)
    print(f"wrote {args.out} ({len(rows)} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
