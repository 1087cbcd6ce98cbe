package dev.attnbench.bench;

import java.util.Arrays;

/**
 * Summary of a set of latency samples. Percentiles interpolate linearly between order statistics
 * (the "R-7"/NumPy default), so p10/p90 of a few dozen samples are smooth rather than jumping
 * between single samples.
 *
 * @param count number of samples
 * @param median the 50th percentile
 * @param p10 the 10th percentile
 * @param p90 the 90th percentile
 * @param mean arithmetic mean
 * @param stdRel sample standard deviation over the mean (0 for fewer than two samples)
 */
public record Statistics(
    int count, double median, double p10, double p90, double mean, double stdRel) {

  /** Summarizes {@code samples} (not modified). */
  public static Statistics of(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    return new Statistics(
        sorted.length,
        percentile(sorted, 0.5),
        percentile(sorted, 0.1),
        percentile(sorted, 0.9),
        mean(sorted, 0, sorted.length),
        stdRel(samples, 0, samples.length));
  }

  /** The {@code q}-quantile (0..1) of ascending {@code sorted}, interpolating linearly. */
  public static double percentile(double[] sorted, double q) {
    if (q < 0 || q > 1) {
      throw new IllegalArgumentException("quantile outside [0, 1]: " + q);
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Relative sample standard deviation of {@code x[from..to)}; 0 for fewer than two values. */
  public static double stdRel(double[] x, int from, int to) {
    int n = to - from;
    if (n < 2) {
      return 0;
    }
    double mean = mean(x, from, to);
    double ss = 0;
    for (int i = from; i < to; i++) {
      double d = x[i] - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / (n - 1)) / mean;
  }

  private static double mean(double[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i];
    }
    return s / (to - from);
  }
}
