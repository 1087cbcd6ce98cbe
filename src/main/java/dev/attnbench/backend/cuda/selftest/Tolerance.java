package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.method.Method;

/**
 * How close a kernel's output must be to its emulation, and why (docs/ARITHMETIC.md).
 *
 * <p>Every rounding is specified and reproduced except two: {@code ex2.approx} (within 2 FP32 ulps
 * of 2^x) and, for FP16/FP8 operands, the tensor core's summation order inside a block (FP32
 * rounding, about 1e-7 relative). Both move an intermediate by a few FP32 ulps, 2^-13 of an FP16
 * ulp, so they reach O only when they push a value across a rounding boundary:
 *
 * <ul>
 *   <li>O's own FP16 rounding: one ulp;
 *   <li>an FP16 P̃ ({@code fp16}, {@code int8-half}): P̃ moves by one FP16 ulp of p (2^-11 p),
 *       which moves O by far less than one of its ulps once a few keys share the row's weight.
 * </ul>
 *
 * Hence {@link #ULPS}: elements within 4 ulps are agreement. (Ulps are taken at the emulation's
 * value, so an output near zero, whose ulp is tiny, can read as many ulps from a difference that is
 * negligible next to the row's other outputs; on an H100, fp16 showed up to ~160 "ulps" on about
 * 0.1% of elements this way, all within the bound below.) The coarse P formats are different: when
 * p·127 (s8), p·255 (u8), p (e5m2) or p·256 (e4m3) lands within a few FP32 ulps of a rounding
 * boundary, the kernel and the emulation round that one P̃ to neighbouring codes, and the row's
 * outputs move by up to {@code step · |V_k| / l} (plus the same change in l for methods whose
 * denominator counts P̃). With l ≥ 1 (the row's maximum key has p = ex2(0) = 1 exactly) that is at
 * most {@code 2 · step · max|Ṽ|}, {@link #flipBound}. Such a flip needs p within ~2^-22 relative of
 * a boundary, so it is rare: at most {@link #FLIPPED_SHARE} of the elements may use the wider
 * bound. The FP64 check then confirms that the elements that agree leave the method's error
 * unchanged (within {@link #ERROR_RELATIVE}); the flips may move it by no more than their own
 * differences ({@link FlipShift}), which matters only in small cases, where one flipped output near
 * zero is a visible share of the mean.
 */
public final class Tolerance {
  private Tolerance() {}

  /** Agreement, in FP16 ulps of the emulation's value. */
  public static final double ULPS = 4;

  /** The share of elements that may differ by a P̃ rounding flip (more than {@link #ULPS}). */
  public static final double FLIPPED_SHARE = 0.01;

  /** Relative tolerance on "GPU error vs FP64 equals emulation error vs FP64". */
  public static final double ERROR_RELATIVE = 0.01;

  /** Absolute floor of that comparison, for methods whose error is near FP16's own rounding. */
  public static final double ERROR_FLOOR = 1e-5;

  /**
   * Relative spacing of P̃ near p = 1: the largest change of one P̃ when p crosses a boundary, as a
   * fraction of p's range [0, 1].
   */
  static double pStep(Method method) {
    return switch (method) {
      case FP16, INT8_HALF -> 0x1p-11; // FP16 spacing in [0.5, 1)
      case FP8 -> 0x1p-2 / 2; // e5m2: 2 mantissa bits, spacing 0.125 in [0.5, 1)
      case FP8_E4M3, FP8_NATIVE -> 16.0 / 256; // e4m3 of p·256: spacing 16 in [128, 256)
      default -> 1.0 / method.int8Variant().orElseThrow().pLevels();
    };
  }

  /**
   * The largest change of an output element that one flipped P̃ can cause, given the largest
   * magnitude of the (dequantized) V the method multiplies by.
   */
  public static double flipBound(Method method, double maxAbsV) {
    return 2 * pStep(method) * maxAbsV;
  }

  /** How many elements of {@code elements} may differ by a flip; at least one row's worth. */
  public static int allowedFlipped(int elements, int headDim) {
    return Math.max(headDim, (int) Math.floor(FLIPPED_SHARE * elements));
  }

  /**
   * Whether {@code gpuError} equals {@code emuError} within the relative tolerance or the floor,
   * plus {@code flipShift}: the most the elements over {@link #ULPS} can move the error ({@link
   * FlipShift}), which are bounded on their own above.
   */
  public static boolean sameError(double gpuError, double emuError, double flipShift) {
    return Math.abs(gpuError - emuError)
        <= ERROR_RELATIVE * Math.abs(emuError) + ERROR_FLOOR + flipShift;
  }
}
