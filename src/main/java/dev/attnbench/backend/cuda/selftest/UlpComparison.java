package dev.attnbench.backend.cuda.selftest;

/**
 * GPU output against the CPU emulation of the same method, element by element, in FP16 ulps of the
 * emulation's value.
 *
 * @param elements elements compared
 * @param nonFinite GPU elements that are NaN, or infinite where the emulation is finite (the NaN
 *     poison left in an unwritten output reads here)
 * @param maxUlps largest |gpu − emu| / ulp16(emu)
 * @param overLimit elements more than {@link Tolerance#ULPS} apart
 * @param maxAbsDiff largest |gpu − emu|
 * @param worstIndex index of the largest ulp difference (-1 if none)
 */
public record UlpComparison(
    int elements, int nonFinite, double maxUlps, int overLimit, double maxAbsDiff, int worstIndex) {

  /** Compares {@code gpu} with {@code emu} (same layout and length). */
  public static UlpComparison of(float[] gpu, float[] emu) {
    if (gpu.length != emu.length) {
      throw new IllegalArgumentException("lengths differ: " + gpu.length + " vs " + emu.length);
    }
    int nonFinite = 0;
    int over = 0;
    double maxUlps = 0;
    double maxAbs = 0;
    int worst = -1;
    for (int i = 0; i < gpu.length; i++) {
      if (Float.isNaN(gpu[i]) || (Float.isInfinite(gpu[i]) && gpu[i] != emu[i])) {
        nonFinite++;
        continue;
      }
      double abs = Math.abs((double) gpu[i] - emu[i]);
      if (Float.isInfinite(gpu[i])) {
        abs = 0; // the same infinity on both sides
      }
      double ulps = abs / ulp16(emu[i]);
      if (overLimit(ulps)) {
        over++;
      }
      maxAbs = Math.max(maxAbs, abs);
      if (ulps > maxUlps) {
        maxUlps = ulps;
        worst = i;
      }
    }
    return new UlpComparison(gpu.length, nonFinite, maxUlps, over, maxAbs, worst);
  }

  /** Whether a finite GPU element is more than {@link Tolerance#ULPS} from the emulation's. */
  static boolean overLimit(float gpu, float emu) {
    return Float.isFinite(gpu) && overLimit(Math.abs((double) gpu - emu) / ulp16(emu));
  }

  private static boolean overLimit(double ulps) {
    return ulps > Tolerance.ULPS;
  }

  /**
   * The FP16 spacing at {@code x}: 2^(e−10) for a normal value of exponent e, 2^-24 below 2^-14
   * (the subnormal step). Taken at the emulation's value, so a GPU value one step away reads as 1.
   */
  static double ulp16(float x) {
    float a = Math.abs(x);
    if (a < 0x1p-14f) {
      return 0x1p-24;
    }
    return Math.scalb(1.0, Math.getExponent(a) - 10);
  }
}
