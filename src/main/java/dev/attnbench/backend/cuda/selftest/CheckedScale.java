package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.input.Shape;
import dev.attnbench.sweep.LatencySweep;
import java.util.List;

/**
 * A softmax scale the suite checks the kernels at: a number, or each shape's own 1/sqrt(D).
 *
 * <p>The scale changes what a kernel's rounding meets. A larger one spreads the exponent's argument
 * (the same FP32 difference in a score becomes a larger difference in ex2's argument, so P̃ and O
 * flip more often), and makes P peaked, so a flip on the row's maximum key moves the output by its
 * whole step. The product runs at more than one: accuracy at the config's (the paper's 1.0),
 * latency at the authors' 1.3, and 1/sqrt(D) by default. So the suite checks at the smallest and
 * the largest of those by default ({@link #DEFAULTS}).
 *
 * @param value the scale, or null for each shape's 1/sqrt(D)
 */
public record CheckedScale(Double value) {

  /** Each shape's 1/sqrt(D), the default of every command. */
  public static final CheckedScale RSQRT_D = new CheckedScale(null);

  /** The token that names {@link #RSQRT_D} on the command line. */
  public static final String RSQRT_D_TOKEN = "rsqrt";

  /** 1/sqrt(D), and the latency sweep's default (the authors' 1.3). */
  public static final List<CheckedScale> DEFAULTS =
      List.of(RSQRT_D, new CheckedScale(LatencySweep.DEFAULTS.softmaxScale()));

  public CheckedScale {
    if (value != null && !(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(
          "softmax scale " + value + " is not allowed (a finite number > 0, or rsqrt)");
    }
  }

  /**
   * {@code rsqrt} or a number > 0.
   *
   * @throws IllegalArgumentException naming the token and what is allowed
   */
  public static CheckedScale parse(String token) {
    String t = token.trim();
    if (t.equals(RSQRT_D_TOKEN)) {
      return RSQRT_D;
    }
    try {
      return new CheckedScale(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "softmax scale '" + token + "' is not allowed (rsqrt for 1/sqrt(D), or a number > 0)");
    }
  }

  /** The scale for {@code shape}. */
  public double of(Shape shape) {
    return value != null ? value : shape.defaultSoftmaxScale();
  }

  /** How the log and the summary name it. */
  public String label() {
    return value == null ? "1/sqrt(D)" : Double.toString(value);
  }
}
