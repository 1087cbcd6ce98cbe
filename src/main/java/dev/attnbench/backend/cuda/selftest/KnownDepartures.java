package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.method.Method;

/**
 * Kernels whose emulation only models how their tensor core adds (fp8-native on Hopper: {@code
 * TensorCoreSum.FP8_WGMMA}, fitted to the H100's errors but not a bit-exact transcription), and
 * where that was measured. Their cases are still judged with the same tolerance; one that misses it
 * is reported as {@code DEPART} with its numbers instead of {@code FAIL}, so the known hardware
 * effect stays visible without hiding a new failure of any other kernel. (A case of theirs that
 * breaks for another reason, such as an unwritten element, still fails: see {@link GpuSelftest}.)
 */
public final class KnownDepartures {
  private KnownDepartures() {}

  /** Why {@code method}'s kernel departs from the FP32-accumulating emulation on {@code gpu}. */
  public static String reason(Method method, GpuInfo gpu) {
    if (method == Method.FP8_NATIVE && gpu.ccMajor() == 9) {
      return "the FP8 tensor cores (wgmma e4m3) accumulate with fewer bits than FP32"
          + " (results/2026-11-23-h100-paper, results/2026-11-23-h100-fp8-wgmma-in-place)";
    }
    return null;
  }
}
