#!/usr/bin/env python3
"""Times the paper's own INT8 kernel and the FP16 kernel it was written from, as peers of attn-bench.

Methods:

* ``authors-int8``: the authors' Triton kernel ``_attn_fwd_full_int8`` (INT8 Q and K with per-token
  scales, INT8 V with one scale per (batch, head), P quantized to s8 as 127·p), autotuned over the
  authors' own configs, on inputs quantized before the samples (scope ``kernel``, as the paper timed
  it). It is launched as the authors' ``attention_full_int8`` launches it, with the output allocated
  once: their wrapper also allocates and converts an output tensor on every call, which is not the
  kernel's time.
* ``triton-fp16``: the authors' FP16 baseline, the Triton tutorial's fused attention (python/
  tutorials/06-fused-attention.py) in the form their INT8 kernel was copied from: block pointers,
  the loop split by STAGE. Timed only when the folder holds it as ``fused_attention_fwd.py``.

Neither is carried by attn-bench: name a folder with --authors that holds
``flash_atten_full_int8.py`` and ``configs.py`` of https://github.com/INT-FlashAttention2024/
INT-FlashAttention at commit 7f7bfb00bcd26b2cef49e7783f51ef610e05abf7 (and, for the baseline, the
tutorial's ``_attn_fwd_inner``, ``configs``, ``keep`` and ``_attn_fwd`` in ``fused_attention_fwd.py``).

The timing, the inputs (FP16 drawn as --inputs says, then quantized per token as the paper does:
amax / 127 into FP16 scales) and the CSV are torch_sdpa_bench.py's, which this script imports: the
rows sit in one latency.csv with attn-bench's own kernels. Before a shape is timed, one head of each
kernel's output is held against an FP64 attention of the same operands (the quantized ones for
``authors-int8``); a kernel off by more than BOUND is not timed, so a kernel that ran but computed
something else never gives a row.

The authors' kernel masks no tail: its blocks read past the sequence unless N is a multiple of the
largest block its configs try (MULTIPLE), so other N are skipped with a message.
"""

import argparse
import atexit
import importlib
import importlib.util
import os
import shutil
import sys
import tempfile

import torch_sdpa_bench as common
from torch_sdpa_bench import note

# The notes name this script.
common.PROG = "authors_peer"

AUTHORS_FILES = ("flash_atten_full_int8.py", "configs.py")
TUTORIAL_FILE = "fused_attention_fwd.py"

# The largest BLOCK_M and BLOCK_N in the authors' and the tutorial's configs.
MULTIPLE = 256

# Relative L1 error against FP64 above which a kernel's rows are refused. The authors' INT8 reads
# 2-3e-3 (P rounded to 127 levels; results/2026-12-04-h200-authors-int8), FP16 ~1e-3 or less.
BOUND = 2e-2


def parse_args(argv):
    p = argparse.ArgumentParser(prog=common.PROG, description=__doc__.split("\n\n")[0])
    common.add_common_arguments(p)
    p.add_argument("--authors",
                   help="folder holding the authors' " + " and ".join(AUTHORS_FILES)
                        + " (and optionally the tutorial's " + TUTORIAL_FILE + ")")
    args = p.parse_args(argv)
    if args.print_columns:
        return args
    if not args.authors:
        p.error("--authors is required")
    missing = [f for f in AUTHORS_FILES if not os.path.isfile(os.path.join(args.authors, f))]
    if missing:
        p.error(f"--authors {args.authors}: no {' and no '.join(missing)} there")
    return args


def quantize_per_token(x):
    """s8 codes and an FP16 scale per token: amax / 127 (the paper's quantizer)."""
    import torch

    scale = x.abs().amax(dim=-1).float().clamp(min=1e-8) / 127.0
    q = torch.round(x.float() / scale[..., None]).clamp(-127, 127).to(torch.int8)
    return q, scale.to(torch.float16)


def quantize_per_tensor(x):
    """s8 codes and one FP16 scale per (batch, head)."""
    import torch

    scale = x.abs().amax(dim=(-2, -1)).float().clamp(min=1e-8) / 127.0
    q = torch.round(x.float() / scale[..., None, None]).clamp(-127, 127).to(torch.int8)
    return q, scale.to(torch.float16)


# Newer Triton refuses a runtime value for a constexpr parameter: the inner function's N_CTX.
PLAIN_N_CTX = (AUTHORS_FILES[0], [("N_CTX: tl.constexpr, fp8_v: tl.constexpr",
                                   "N_CTX, fp8_v: tl.constexpr")])


def load_authors(folder, edits=()):
    """The authors' module from folder, as written; with edits, from a copy of their files with
    each (file, [(old, new), ...]) replaced, every old required to be there."""
    src = os.path.abspath(folder)
    if edits:
        tmp = tempfile.mkdtemp(prefix="authors-")
        atexit.register(shutil.rmtree, tmp, True)  # the module is loaded by then
        for f in AUTHORS_FILES:
            shutil.copy(os.path.join(src, f), tmp)
        for name, pairs in edits:
            path = os.path.join(tmp, name)
            with open(path) as f:
                text = f.read()
            for old, new in pairs:
                if old not in text:
                    raise ValueError(f"the authors' {name} has no {old!r}")
                text = text.replace(old, new)
            with open(path, "w") as f:
                f.write(text)
        src = tmp
    sys.path.insert(0, src)
    for name in ("configs", "flash_atten_full_int8"):
        sys.modules.pop(name, None)
    try:
        return importlib.import_module("flash_atten_full_int8")
    finally:
        sys.path.remove(src)


def authors_module(torch, folder):
    """The authors' module as written, else with N_CTX patched; None (and why, on stderr) if
    neither compiles on this Triton."""
    for patch in (False, True):
        try:
            module = load_authors(folder, [PLAIN_N_CTX] if patch else [])
            q = torch.randint(-127, 128, (1, 1, MULTIPLE, 64), dtype=torch.int8, device="cuda")
            s = torch.ones((1, 1, MULTIPLE), dtype=torch.float16, device="cuda")
            vs = torch.ones((1, 1), dtype=torch.float16, device="cuda")
            module.attention_full_int8(q, q, q, s, s, vs, False, 1.0)
            torch.cuda.synchronize()
            note("the authors' kernel runs " + ("with N_CTX passed as a plain argument"
                                                if patch else "as written"))
            return module
        except Exception as e:  # a compile error: say which, try the patched form
            note(f"the authors' kernel {'patched' if patch else 'as written'}: "
                 f"{type(e).__name__}: {common.first_line(e)}")
    return None


def tutorial_module(folder):
    path = os.path.join(folder, TUTORIAL_FILE)
    if not os.path.isfile(path):
        note(f"triton-fp16: no {TUTORIAL_FILE} in {folder}; skipped")
        return None
    spec = importlib.util.spec_from_file_location("tutorial_fwd", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def relative_l1(torch, out, q, k, v, scale, causal):
    """One head's output (N x D) against FP64 attention of that head's q, k and v (FP64, the
    quantized ones dequantized), as the relative L1 error."""
    s = (q @ k.T) * scale
    if causal:
        n = s.shape[0]
        s = s.masked_fill(torch.ones(n, n, dtype=torch.bool, device=s.device).triu(1), float("-inf"))
    ref = torch.softmax(s, dim=-1) @ v
    return ((out.double() - ref).abs().sum() / ref.abs().sum()).item()


def run(args, env, out):
    torch = env[0]
    peer = common.Peer(torch, args, out)
    authors = authors_module(torch, args.authors)
    if authors is None:
        note("the authors' kernel does not run on this Triton; nothing measured")
        return 0
    try:
        tutorial = tutorial_module(args.authors)
    except Exception as e:  # the baseline is optional: the authors' kernel is still timed
        note(f"triton-fp16: {TUTORIAL_FILE} does not load: {type(e).__name__}: "
             f"{common.first_line(e)}; skipped")
        tutorial = None
    for d in args.head_dim:
        for n in args.seq_len:
            for causal in args.causal:
                point = f"B={args.batch} H={args.heads} N={n} D={d} causal={causal}"
                if n % MULTIPLE:
                    note(f"{point}: N is not a multiple of {MULTIPLE}, and the authors' kernels "
                         "mask no tail; skipped")
                    continue
                try:
                    time_point(torch, peer, authors, tutorial, n, d, causal, point)
                except Exception as e:  # drawing the shape ran out of memory, say: this point only
                    note(f"{point}: {type(e).__name__}: {common.first_line(e)}; skipped")
    return 0


def time_point(torch, peer, authors, tutorial, n, d, causal, point):
    """Both kernels at one shape, each held against FP64 before it is timed; a failure costs its
    own row only. The shape's tensors are freed on return."""
    import triton

    B, H = peer.args.batch, peer.args.heads
    q, k, v = peer.draw((B, H, n, d))
    scale = peer.scale(d)
    stage = 3 if causal else 1
    q8, qs = quantize_per_token(q)
    k8, ks = quantize_per_token(k)
    v8, vs = quantize_per_tensor(v)
    o8 = torch.empty_like(q)
    grid = lambda meta: (triton.cdiv(n, meta["BLOCK_M"]), B * H, 1)

    # The authors' attention_full_int8, but for its per-call allocation and conversion.
    def int8():
        authors._attn_fwd_full_int8[grid](
            q8, k8, v8, qs, ks, vs, scale, o8,
            *q8.stride(), *k8.stride(), *v8.stride(), *o8.stride(),
            qs.stride(0), qs.stride(1), qs.stride(2), vs.stride(0), vs.stride(1),
            B, H, N_CTX=n, HEAD_DIM=d, STAGE=stage)

    # (method, launch, output, head (0, 0) of its operands in FP64, the autotuned kernel)
    calls = [("authors-int8", int8, o8, (
        q8[0, 0].double() * qs[0, 0].double()[:, None],
        k8[0, 0].double() * ks[0, 0].double()[:, None],
        v8[0, 0].double() * vs[0, 0].double()), authors._attn_fwd_full_int8)]
    if tutorial is not None:
        o16 = torch.empty_like(q)
        lse = torch.empty((B, H, n), device=q.device, dtype=torch.float32)

        def fp16():
            tutorial._attn_fwd[grid](
                q, k, v, scale, lse, o16,
                *q.stride(), *k.stride(), *v.stride(), *o16.stride(),
                B, H, N_CTX=n, HEAD_DIM=d, STAGE=stage)

        calls.append(("triton-fp16", fp16, o16,
                      (q[0, 0].double(), k[0, 0].double(), v[0, 0].double()), tutorial._attn_fwd))
    for method, call, o, head, kernel in calls:
        at = f"{method} {point}"
        try:
            # Both autotuners key on (N, D) and the dtypes, not on the masking (STAGE) nor the
            # probe's one-block grid: each shape tunes afresh, so none is timed on a config
            # picked for another (a sweep visits each shape once, so it tunes no more often).
            if isinstance(getattr(kernel, "cache", None), dict):
                kernel.cache.clear()
            o.fill_(float("nan"))  # poisoned: a launch that wrote nothing fails below
            call()  # autotunes on this first call
            torch.cuda.synchronize(peer.device)
            err = relative_l1(torch, o[0, 0], *head, scale, causal)
            if not err <= BOUND:
                note(f"{at}: relative L1 error {err:.3e} against FP64 is over {BOUND}; not timed")
                continue
            note(f"{at}: relative L1 error {err:.3e} against FP64; "
                 f"config {getattr(kernel, 'best_config', None)}")
            peer.time(method, n, d, causal, call, at)
        except Exception as e:  # a compile, launch or memory failure costs this row only
            note(f"{at}: {type(e).__name__}: {common.first_line(e)}; skipped")


def main(argv=None):
    return common.main_with(parse_args, run, argv, needs=("triton",), sdpa=False)


if __name__ == "__main__":
    sys.exit(main())
