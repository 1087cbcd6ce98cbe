#!/usr/bin/env python3
"""Times PyTorch's FP16 scaled_dot_product_attention as a peer of attn-bench's own kernels.

Backends: the FlashAttention-2 kernels PyTorch ships (SDPBackend.FLASH_ATTENTION, method
``torch-flash``) and cuDNN's fused attention (SDPBackend.CUDNN_ATTENTION, ``torch-cudnn``).

The timing follows attn-bench's Java bench (dev.attnbench.bench.ColdMeasurement and
StdRelCriterion) so the rows can sit in one table with it:

* warm-up: the call runs until it has taken >= 25 ms of GPU time and at least 3 times, so lazy
  loading, first-touch mapping and the clock ramp stay out of the samples;
* every sample is cold: a buffer of 2x the L2 size is written right before it, outside the events;
* CUDA events around the one call;
* sampling stops once >= 10 samples are in and the relative standard deviation of the last 20 is
  <= --stdrel (default 0.5%), or when the point's --budget-s (default 2 s) is spent;
* median, p10 and p90 interpolate linearly between order statistics (NumPy's default).

Output: CSV with the columns of dev.attnbench.bench.LatencyCsv.COLUMNS, scope ``kernel``, on
stdout or into --out. The SM clock comes from NVML (torch.cuda.clock_rate, needs pynvml) right
after each sample; without it sm_clock_mhz is left empty and throttled is false.

Without torch or a CUDA device this prints why on stderr and exits 0 with no rows: a machine
without a GPU is a normal place to run attn-bench. A backend that cannot run a shape is skipped
with a message on stderr.

The single source of this script is src/main/resources/scripts/torch_sdpa_bench.py (the jar
carries it; dev.attnbench.bench.PythonPeer runs it); scripts/torch_sdpa_bench.py only forwards.
authors_peer.py, beside it, imports its sampling, flags and CSV rows (Peer, add_common_arguments,
main_with), so that every peer is timed alike.
"""

import argparse
import csv
import importlib
import math
import re
import sys
import time

PROG = "torch_sdpa_bench"

# dev.attnbench.bench.LatencyCsv.COLUMNS, in order (a Java test checks they agree).
COLUMNS = [
    "method", "batch", "heads", "seq_len", "head_dim", "causal", "scope", "median_ms",
    "p10_ms", "p90_ms", "reps", "tflops", "gpu", "sm_clock_mhz", "throttled",
]

# As ColdMeasurement: warm-up GPU time and run counts.
WARMUP_MS = 25.0
MIN_WARMUP_RUNS = 3
MAX_WARMUP_RUNS = 1000
# GPU clocks the blocking spin lasts (torch.cuda._sleep): ~0.5 ms at 2 GHz.
SPIN_CYCLES = 1_000_000

# As StdRelCriterion.of: spread taken over the latest WINDOW samples once MIN_SAMPLES are in.
MIN_SAMPLES = 10
WINDOW = 20
MAX_SAMPLES = 10_000

# As SmClock: a sample is slow > 5% under the run's highest clock; a row is throttled when
# >= 10% of its samples are slow.
CLOCK_DROP = 0.05
SLOW_FRACTION = 0.10

BACKENDS = {"flash": ("torch-flash", "FLASH_ATTENTION"), "cudnn": ("torch-cudnn", "CUDNN_ATTENTION")}


def note(message):
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def int_list(text):
    try:
        values = [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a comma-separated list of integers")
    if not values or any(v < 1 for v in values):
        raise argparse.ArgumentTypeError(f"'{text}': every value must be >= 1")
    return values


def bool_list(text):
    table = {"true": True, "false": False}
    values = [x.strip().lower() for x in text.split(",") if x.strip()]
    if not values or any(v not in table for v in values):
        raise argparse.ArgumentTypeError(f"'{text}': use true, false or true,false")
    return [table[v] for v in values]


def positive(kind):
    def parse(text):
        value = kind(text)
        if not value > 0:
            raise argparse.ArgumentTypeError(f"{text} is not allowed (must be > 0)")
        return value
    return parse


def distribution(text):
    """normal(mean,std) or uniform(lo,hi), as dev.attnbench.input.LatencyInputs spells them."""
    m = re.fullmatch(r"\s*(normal|uniform)\s*\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"'{text}' is not normal(mean,std) or uniform(lo,hi)")
    try:
        a, b = float(m.group(2)), float(m.group(3))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}': the parameters must be numbers")
    if not (math.isfinite(a) and math.isfinite(b)) or (b <= 0 if m.group(1) == "normal" else b <= a):
        raise argparse.ArgumentTypeError(f"'{text}': std must be > 0, hi > lo")
    return m.group(1), a, b


def draw(torch, shape, inputs, gen, device):
    """One FP16 tensor from inputs: drawn in FP32 and rounded once, as kernels/fill.cu does."""
    kind, a, b = inputs
    if kind == "normal":
        x = torch.randn(shape, generator=gen, device=device, dtype=torch.float32).mul_(b).add_(a)
    else:
        x = torch.rand(shape, generator=gen, device=device, dtype=torch.float32).mul_(b - a).add_(a)
    return x.to(torch.float16)


def add_common_arguments(p):
    """The flags every peer script takes: the shapes, the sampling and the inputs (the peers of
    dev.attnbench.bench.PeerScript share PythonPeer's request)."""
    p.add_argument("--batch", type=positive(int), default=4)
    p.add_argument("--heads", type=positive(int), default=32)
    p.add_argument("--seq-len", type=int_list, default=[1024, 4096], help="e.g. 1024,4096")
    p.add_argument("--head-dim", type=int_list, default=[64, 128], help="e.g. 64,128")
    p.add_argument("--causal", type=bool_list, default=[False], help="true, false or true,false")
    p.add_argument("--softmax-scale", type=positive(float), default=None,
                   help="default 1/sqrt(head dim)")
    p.add_argument("--stdrel", type=positive(float), default=0.005,
                   help="stop once the relative std-dev of the samples is under this (0.005)")
    p.add_argument("--budget-s", type=positive(float), default=2.0,
                   help="time budget per point in seconds (2)")
    p.add_argument("--l2-flush", choices=["write", "read"], default="write",
                   help="empty L2 before each sample by writing (memset) or reading 2x L2")
    p.add_argument("--no-block", action="store_true",
                   help="do not keep the GPU busy while a sample is enqueued")
    p.add_argument("--inputs", type=distribution, default=("normal", 0.0, 1.0),
                   help="what Q, K, V are drawn from: normal(mean,std) or uniform(lo,hi)"
                        " (normal(0,1)), as attn-bench's bench --input-dist")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--device", type=int, default=0, help="CUDA device index")
    p.add_argument("--out", default=None, help="CSV file (default: stdout)")
    p.add_argument("--print-columns", action="store_true",
                   help="print the CSV header and exit (no torch needed)")
    p.add_argument("--check", action="store_true",
                   help="print 'ready' and exit if this machine can run the peer (PyTorch, a CUDA"
                        " device and what the peer needs), else say why on stderr")


def parse_args(argv):
    p = argparse.ArgumentParser(prog=PROG, description=__doc__.split("\n\n")[0])
    add_common_arguments(p)
    p.add_argument("--backend", default="flash,cudnn", help="flash, cudnn or flash,cudnn")
    args = p.parse_args(argv)
    names = [b.strip() for b in args.backend.split(",") if b.strip()]
    unknown = [b for b in names if b not in BACKENDS]
    if not names or unknown:
        p.error(f"unknown backend '{args.backend}' (allowed: flash, cudnn)")
    args.backend = names
    return args


def percentile(sorted_values, q):
    """The q-quantile of ascending values, interpolating linearly (as Statistics.percentile)."""
    pos = q * (len(sorted_values) - 1)
    lo = int(math.floor(pos))
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (pos - lo) * (sorted_values[hi] - sorted_values[lo])


def std_rel(values):
    n = len(values)
    if n < 2:
        return 0.0
    mean = sum(values) / n
    return math.sqrt(sum((x - mean) ** 2 for x in values) / (n - 1)) / mean


def settled(samples, stdrel):
    if len(samples) < MIN_SAMPLES:
        return False
    return std_rel(samples[-max(WINDOW, MIN_SAMPLES):]) <= stdrel


def throttled(clocks, run_max):
    known = [c for c in clocks if c == c]
    if not known or not run_max > 0:
        return False
    slow = sum(1 for c in known if c < (1 - CLOCK_DROP) * run_max)
    return slow >= SLOW_FRACTION * len(known)


class Sampler:
    """Cold samples of one call: L2 flush, a GPU spin while Python enqueues, events, SM clock."""

    def __init__(self, torch, device, l2_flush="write", block=True):
        self.torch = torch
        self.device = device
        props = torch.cuda.get_device_properties(device)
        l2 = getattr(props, "L2_cache_size", 0) or 0
        if l2 <= 0:
            l2 = 128 << 20
            note(f"L2 size unknown to this torch; flushing with {2 * l2 >> 20} MiB")
        # int32 elements, like ColdMeasurement's cuMemsetD32 over 2x L2 (at least 1 MiB).
        self.flush = torch.empty(max(2 * l2, 1 << 20) // 4, dtype=torch.int32, device=device)
        self.l2_flush = l2_flush
        self.block = block
        self.flush.fill_(0x5A5A5A5A)
        self.start = torch.cuda.Event(enable_timing=True)
        self.stop = torch.cuda.Event(enable_timing=True)
        self.run_max_mhz = 0.0
        self.clock_ok = True

    def sample_ms(self, call):
        if self.l2_flush == "read":
            # Reads leave L2 clean, as ColdMeasurement's l2_flush_read (the sum is discarded).
            self.flush.sum()
        else:
            # A non-zero pattern, as ColdMeasurement, so no zero-page shortcut can skip the writes.
            self.flush.fill_(0x5A5A5A5A)
        if self.block:
            # ColdMeasurement holds the stream with a kernel the host releases; torch has no such
            # kernel, so the GPU spins for a fixed ~0.5 ms instead, longer than Python takes to
            # enqueue the start event and the call, which then run back to back.
            self.torch.cuda._sleep(SPIN_CYCLES)
        self.start.record()
        call()
        self.stop.record()
        self.stop.synchronize()
        return self.start.elapsed_time(self.stop)

    def clock_mhz(self):
        if not self.clock_ok:
            return float("nan")
        try:
            mhz = float(self.torch.cuda.clock_rate(self.device))
        except Exception as e:  # pynvml missing or NVML unsupported: say so once
            note(f"SM clock unavailable ({e}); sm_clock_mhz left empty")
            self.clock_ok = False
            return float("nan")
        self.run_max_mhz = max(self.run_max_mhz, mhz)
        return mhz

    def measure(self, call, stdrel, budget_s):
        total, runs = 0.0, 0
        while runs < MAX_WARMUP_RUNS and (runs < MIN_WARMUP_RUNS or total < WARMUP_MS):
            total += self.sample_ms(call)
            runs += 1
        self.clock_mhz()
        samples, clocks = [], []
        begin = time.perf_counter()
        while True:
            samples.append(self.sample_ms(call))
            clocks.append(self.clock_mhz())
            if (settled(samples, stdrel) or len(samples) >= MAX_SAMPLES
                    or time.perf_counter() - begin >= budget_s):
                return samples, clocks


def flops(b, h, n, d, causal):
    """4*B*H*N^2*D, halved when causal (as Shape.flops)."""
    f = 4.0 * b * h * n * n * d
    return f / 2 if causal else f


def fmt(x):
    return "" if x != x else repr(float(x))


def load_torch(sdpa=True):
    """(torch, functional, SDPBackend, sdpa_kernel), or None after saying on stderr what is missing;
    without sdpa, (torch, functional, None, None) from any torch (a peer that does not call SDPA)."""
    try:
        import torch
        import torch.nn.functional as functional
    except ImportError as e:
        note(f"PyTorch is not installed ({e}); nothing measured")
        return None
    if not torch.cuda.is_available():
        note(f"torch {torch.__version__} sees no CUDA device; nothing measured")
        return None
    if not sdpa:
        return torch, functional, None, None
    try:
        from torch.nn.attention import SDPBackend, sdpa_kernel
    except ImportError:
        note(f"torch {torch.__version__} has no torch.nn.attention.sdpa_kernel "
             "(needs torch >= 2.3); nothing measured")
        return None
    return torch, functional, SDPBackend, sdpa_kernel


class Peer:
    """What every peer script's run shares: the device, the sampler, the inputs' generator and the
    CSV writer, which writes its header at once and one row per timed point."""

    def __init__(self, torch, args, out):
        self.torch = torch
        self.args = args
        self.device = torch.device("cuda", args.device)
        torch.cuda.set_device(self.device)
        self.gpu = torch.cuda.get_device_name(self.device)
        self.sampler = Sampler(torch, self.device, args.l2_flush, not args.no_block)
        self.gen = torch.Generator(device=self.device).manual_seed(args.seed)
        self.out = out
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(COLUMNS)
        out.flush()

    def scale(self, d):
        return self.args.softmax_scale or 1.0 / math.sqrt(d)

    def draw(self, shape):
        """Q, K and V in FP16, drawn as LatencyBench draws them on the device (--inputs)."""
        return tuple(draw(self.torch, shape, self.args.inputs, self.gen, self.device)
                     for _ in range(3))

    def time(self, method, n, d, causal, call, point):
        """Samples call() (already run once) and writes its row."""
        a = self.args
        samples, clocks = self.sampler.measure(call, a.stdrel, a.budget_s)
        s = sorted(samples)
        median = percentile(s, 0.5)
        known = sorted(c for c in clocks if c == c)
        self.writer.writerow([
            method, a.batch, a.heads, n, d, str(causal).lower(), "kernel",
            fmt(median), fmt(percentile(s, 0.1)), fmt(percentile(s, 0.9)), len(samples),
            fmt(flops(a.batch, a.heads, n, d, causal) / (median * 1e-3) / 1e12),
            self.gpu, fmt(percentile(known, 0.5) if known else float("nan")),
            str(throttled(clocks, self.sampler.run_max_mhz)).lower(),
        ])
        self.out.flush()
        note(f"{point}: median {median:.4f} ms over {len(samples)} samples")


def run(args, env, out):
    torch, F, SDPBackend, sdpa_kernel = env
    peer = Peer(torch, args, out)
    for name in args.backend:
        method, attr = BACKENDS[name]
        backend = getattr(SDPBackend, attr, None)
        if backend is None:
            note(f"{method}: torch {torch.__version__} has no SDPBackend.{attr}; skipped")
            continue
        for d in args.head_dim:
            for n in args.seq_len:
                for causal in args.causal:
                    q, k, v = peer.draw((args.batch, args.heads, n, d))
                    scale = peer.scale(d)

                    def call():
                        F.scaled_dot_product_attention(q, k, v, is_causal=causal, scale=scale)

                    point = f"{method} B={args.batch} H={args.heads} N={n} D={d} causal={causal}"
                    with sdpa_kernel(backend):
                        try:
                            call()
                            torch.cuda.synchronize(peer.device)
                        except (RuntimeError, NotImplementedError, ValueError) as e:
                            note(f"{point}: backend unavailable ({first_line(e)}); skipped")
                            del q, k, v
                            continue
                        peer.time(method, n, d, causal, call, point)
                    del q, k, v
    return 0


def first_line(e):
    """An exception's first line, or its repr where it has no message."""
    return str(e).strip().splitlines()[0] if str(e).strip() else repr(e)


def main_with(parse, run_peer, argv=None, needs=(), sdpa=True):
    """A peer script's main: --print-columns without torch, no rows and exit 0 without a GPU or
    one of the modules the peer needs (torch's SDPA unless sdpa is false); --check stops there and
    says 'ready'."""
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.print_columns:
        print(",".join(COLUMNS))
        return 0
    env = load_torch(sdpa)
    if env is None:
        return 0  # no rows, and no --out file: nothing was measured
    for name in needs:
        try:
            importlib.import_module(name)
        except ImportError as e:
            note(f"{name} is not installed ({e}); nothing measured")
            return 0
    if args.check:
        print("ready")
        return 0
    if args.out is None:
        return run_peer(args, env, sys.stdout)
    with open(args.out, "w", newline="") as out:
        return run_peer(args, env, out)


def main(argv=None):
    return main_with(parse_args, run, argv)


if __name__ == "__main__":
    sys.exit(main())
