package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.backend.cuda.GpuInfo;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;

/**
 * Kernels whose emulation only models how their tensor core adds (fp8-native: {@code
 * TensorCoreSum.FP8_WGMMA}, fitted to the H100's errors but not a bit-exact transcription), and
 * where that was measured. Their cases are still judged with the same tolerance; one that misses it
 * is reported as {@code DEPART} with its numbers instead of {@code FAIL}, so the known hardware
 * effect stays visible without hiding a new failure of any other kernel. (A case of theirs that
 * breaks for another reason, such as an unwritten element, still fails: see {@link GpuSelftest}.)
 */
public final class KnownDepartures {
  private KnownDepartures() {}

  /**
   * Why {@code method}'s kernel on {@code path} departs from its emulation on {@code gpu}, or null
   * where it must not.
   */
  public static String reason(Method method, GpuInfo gpu, MmaPath path) {
    if (method != Method.FP8_NATIVE || gpu.ccMajor() != 9) {
      return null;
    }
    if (path == MmaPath.WGMMA) {
      return "the FP8 tensor cores (wgmma e4m3) accumulate with fewer bits than FP32"
          + " (results/2026-11-23-h100-paper, results/2026-11-23-h100-fp8-wgmma-in-place)";
    }
    // Hopper has no FP8 mma.sync: the compute_89 image's e4m3 mma.sync is compiled to f16
    // conversions and an f16 mma with FP32 sums (kernels/TUNING.md v8), which add with more bits
    // than the FP8 tensor cores the emulation models.
    return "on Hopper the e4m3 mma.sync runs as f16 mma with FP32 sums, not the FP8 tensor-core"
        + " sums the emulation models (results/2026-12-03-h200-v56-ptx)";
  }
}
