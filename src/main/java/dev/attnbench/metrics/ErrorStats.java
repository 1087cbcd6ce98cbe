package dev.attnbench.metrics;

/**
 * How far a method's output is from the FP64 reference, over every evaluated element.
 *
 * @param mre mean relative error, mean(|o−r| / (|r| + 1e-5)): the paper's metric, over all elements
 * @param mreLast4 the same over only the last 4 elements of the output, as the authors' code
 *     computes it ({@code CALC_NUM = 4}); kept to show how much that choice moves the headline
 * @param relL2 ‖o−r‖₂ / ‖r‖₂
 * @param rmse root mean square of o−r
 * @param maxAbs max |o−r|
 * @param cosine cos(o, r)
 */
public record ErrorStats(
    double mre, double mreLast4, double relL2, double rmse, double maxAbs, double cosine) {

  /** The paper code's epsilon in the MRE denominator. */
  public static final double MRE_EPSILON = 1e-5;

  /** Number of trailing elements in the authors' MRE. */
  public static final int LAST_N = 4;

  /**
   * Compares {@code out} with {@code ref} element by element (same layout, same length). A NaN or
   * infinite output makes every metric NaN rather than a misleadingly finite figure.
   */
  public static ErrorStats compare(float[] out, double[] ref) {
    if (out.length != ref.length || out.length == 0) {
      throw new IllegalArgumentException(
          "output and reference lengths differ or are empty: " + out.length + " vs " + ref.length);
    }
    double sumRel = 0;
    double sumSq = 0;
    double sumRefSq = 0;
    double sumOutSq = 0;
    double dot = 0;
    double maxAbs = 0;
    boolean finite = true;
    for (int i = 0; i < out.length; i++) {
      double o = out[i];
      double r = ref[i];
      finite &= Double.isFinite(o);
      double e = Math.abs(o - r);
      sumRel += e / (Math.abs(r) + MRE_EPSILON);
      sumSq += e * e;
      sumRefSq += r * r;
      sumOutSq += o * o;
      dot += o * r;
      maxAbs = Math.max(maxAbs, e);
    }
    if (!finite) {
      double nan = Double.NaN;
      return new ErrorStats(nan, nan, nan, nan, nan, nan);
    }
    double last = 0;
    int tail = Math.min(LAST_N, out.length);
    for (int i = out.length - tail; i < out.length; i++) {
      last += Math.abs(out[i] - ref[i]) / (Math.abs(ref[i]) + MRE_EPSILON);
    }
    return new ErrorStats(
        sumRel / out.length,
        last / tail,
        Math.sqrt(sumSq / sumRefSq),
        Math.sqrt(sumSq / out.length),
        maxAbs,
        dot / Math.sqrt(sumOutSq * sumRefSq));
  }
}
