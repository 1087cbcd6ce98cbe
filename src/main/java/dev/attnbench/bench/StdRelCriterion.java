package dev.attnbench.bench;

import java.time.Duration;

/**
 * When to stop sampling one point (after nvbench's {@code stdrel_criterion}): once at least {@code
 * minSamples} are in and the relative standard deviation of the last {@code window} samples is at
 * most {@code maxStdRel}, the distribution has settled and more samples would only cost time; or
 * when the point's time budget is spent (then the row still reports what it has, and {@link
 * #converged} says it did not settle). A window rather than all samples lets an early outlier (a
 * clock ramp, a page fault) age out instead of holding the point for its whole budget.
 *
 * @param minSamples samples before the spread is even looked at
 * @param window how many of the latest samples the spread is taken over (at least minSamples)
 * @param maxStdRel the settled threshold, e.g. 0.005 for 0.5%
 * @param budget wall-clock time after which the point stops regardless
 * @param maxSamples hard cap on samples
 */
public record StdRelCriterion(
    int minSamples, int window, double maxStdRel, Duration budget, int maxSamples) {

  public StdRelCriterion {
    if (minSamples < 2 || window < 2 || maxSamples < minSamples) {
      throw new IllegalArgumentException(
          "need minSamples >= 2, window >= 2, maxSamples >= minSamples: "
              + minSamples
              + ", "
              + window
              + ", "
              + maxSamples);
    }
    if (!(maxStdRel > 0)) {
      throw new IllegalArgumentException("stdrel threshold must be > 0, got " + maxStdRel);
    }
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("time budget must be > 0, got " + budget);
    }
  }

  /** 10 samples minimum, a window of 20, up to 10000 samples. */
  public static StdRelCriterion of(double maxStdRel, Duration budget) {
    return new StdRelCriterion(10, 20, maxStdRel, budget, 10_000);
  }

  /** Why sampling stopped. */
  public enum Stop {
    /** Still sampling. */
    CONTINUE,
    /** The last window's spread is under the threshold. */
    CONVERGED,
    /** The time budget ran out first. */
    TIME_BUDGET,
    /** The sample cap was hit first. */
    MAX_SAMPLES
  }

  /**
   * The decision after {@code count} samples in {@code samples[0..count)} taking {@code elapsed}.
   */
  public Stop check(double[] samples, int count, Duration elapsed) {
    if (count >= minSamples) {
      int from = Math.max(0, count - Math.max(window, minSamples));
      if (Statistics.stdRel(samples, from, count) <= maxStdRel) {
        return Stop.CONVERGED;
      }
    }
    if (count >= maxSamples) {
      return Stop.MAX_SAMPLES;
    }
    if (elapsed.compareTo(budget) >= 0 && count >= 1) {
      return Stop.TIME_BUDGET;
    }
    return Stop.CONTINUE;
  }

  /** Whether {@code stop} means the spread settled. */
  public static boolean converged(Stop stop) {
    return stop == Stop.CONVERGED;
  }
}
