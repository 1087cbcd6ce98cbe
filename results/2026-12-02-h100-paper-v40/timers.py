"""Three clocks over one spin of the SM, on the GPU host (PyTorch, no Java), idle and after load.

sm_clock_probe (kernels/fill.cu) spins one thread for C clock64 cycles and reads %globaltimer
around the spin; the same launch is timed by CUDA events and by the host's perf_counter (launch and
sync overhead ~0.1 ms against spins of 0.1-2 s). C / time is the SM clock by each clock. Then a
busy bf16 matmul loop (~1 s) timed by events and by the host; then the spins again right after
bursts of several loads (0.1 and 1 s), as the bench probes right after each sample. Usage:
python3 timers.py FATBIN
"""
import ctypes
import sys
import time

import torch

torch.zeros(1, device="cuda")  # the runtime makes the primary context current on this thread
cu = ctypes.CDLL("libcuda.so.1")


def check(rc, what):
    if rc != 0:
        raise SystemExit(f"{what}: CUresult {rc}")


mod = ctypes.c_void_p()
check(cu.cuModuleLoad(ctypes.byref(mod), sys.argv[1].encode()), "cuModuleLoad")
fn = ctypes.c_void_p()
check(cu.cuModuleGetFunction(ctypes.byref(fn), mod, b"sm_clock_probe"), "cuModuleGetFunction")
out = torch.zeros(2, dtype=torch.int64, device="cuda")


def spin(cycles):
    ptr = ctypes.c_uint64(out.data_ptr())
    cyc = ctypes.c_int64(cycles)
    args = (ctypes.c_void_p * 2)(ctypes.cast(ctypes.byref(ptr), ctypes.c_void_p),
                                 ctypes.cast(ctypes.byref(cyc), ctypes.c_void_p))
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    start.record()
    check(cu.cuLaunchKernel(fn, 1, 1, 1, 1, 1, 1, 0, None, args, None), "cuLaunchKernel")
    end.record()
    end.synchronize()
    host_ms = (time.perf_counter() - t0) * 1e3
    c, ns = out.tolist()
    return c, ns / 1e6, start.elapsed_time(end), host_ms


spin(1_000_000)
print("spin cycles      globaltimer_ms  event_ms   host_ms  | MHz: globaltimer  event    host")
for cycles in (2_000_000, 200_000_000, 1_000_000_000, 2_000_000_000, 4_000_000_000):
    c, g, e, h = spin(cycles)
    print(f"{c:14d} {g:14.3f} {e:9.3f} {h:9.3f}  | {c / g / 1e3:14.1f} {c / e / 1e3:7.1f} {c / h / 1e3:7.1f}")

a = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
b = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
for _ in range(3):
    a @ b
for reps in (100, 300):
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    start.record()
    for _ in range(reps):
        a @ b
    end.record()
    end.synchronize()
    host_ms = (time.perf_counter() - t0) * 1e3
    ev = start.elapsed_time(end)
    print(f"matmul x{reps}: event {ev:.2f} ms, host {host_ms:.2f} ms, event/host {ev / host_ms:.4f}")

# Bursts of loads that pull the clock down to different degrees: bf16 and s8 tensor-core matmuls,
# an fp32 matmul on the CUDA cores (TF32 off), an elementwise op; each followed at once by spins.
torch.backends.cuda.matmul.allow_tf32 = False
a8 = torch.randint(-128, 127, (8192, 8192), device="cuda", dtype=torch.int8)
b8 = torch.randint(-128, 127, (8192, 8192), device="cuda", dtype=torch.int8)
a32 = torch.randn(4096, 4096, device="cuda")
x = torch.randn(1 << 28, device="cuda")
loads = {
    "bf16 mm": lambda: a @ b,
    "s8 mm": lambda: torch._int_mm(a8, b8),
    "fp32 mm": lambda: a32 @ a32,
    "x*1.0001": lambda: x.mul_(1.0001),
}
print("after load: load      burst_ms  spin cycles  | MHz: globaltimer  event    host")
for name, load in loads.items():
    for burst_s in (0.1, 1.0):
        for cycles in (2_000_000, 20_000_000, 40_000_000):
            load()
            torch.cuda.synchronize()
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < burst_s:
                for _ in range(10):
                    load()
                torch.cuda.synchronize()
            burst = (time.perf_counter() - t0) * 1e3
            c, g, e, h = spin(cycles)
            print(f"{name:>20s} {burst:8.0f} {c:12d}  | {c / g / 1e3:14.1f} {c / e / 1e3:7.1f} {c / h / 1e3:7.1f}")
