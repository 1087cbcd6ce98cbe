package dev.attnbench.input;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.attnbench.InvalidInputException;
import dev.attnbench.numeric.Fp16;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How activations are drawn. Written {@code name} or {@code name(a,b)}:
 *
 * <ul>
 *   <li>{@code normal(mean,std)}, default (0,1): the paper's {@code torch.randn};
 *   <li>{@code uniform(lo,hi)}, default [0,1): the paper's {@code torch.rand};
 *   <li>{@code outlier(channels,scale)}, default (4,20): normal(0,1) Q and K in which {@code
 *       channels} head-dim channels (the same ones in Q and K of a head, chosen by the seed) are
 *       multiplied by {@code scale}, as the outlier channels of real LLM queries and keys; V stays
 *       normal(0,1).
 *   <li>{@code kbias(channels,bias)}, default (8,10): normal(0,1) Q, K, V, with {@code channels}
 *       channels of K (per head, chosen by the seed) offset by ±{@code bias}, the same for every
 *       token: the channel-wise bias of real LLM keys. It leaves softmax unchanged (q·bias is the
 *       same for every key of a row) but inflates K's per-token INT8 range, which is what K
 *       smoothing removes.
 * </ul>
 *
 * <p>Q, K and V are FP16 (the kernels' input type, and the emulation's), so the parameters must
 * keep every value drawn finite there, with room for the outputs ({@link #V_MAX}); a channel count
 * must fit the head dim ({@link #checkHeadDim}).
 */
public record Distribution(Kind kind, double a, double b) {

  public enum Kind {
    NORMAL(0, 1),
    UNIFORM(0, 1),
    OUTLIER(4, 20),
    KBIAS(8, 10);

    final double defaultA;
    final double defaultB;

    Kind(double defaultA, double defaultB) {
      this.defaultA = defaultA;
      this.defaultB = defaultB;
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** FP16's largest finite value: what Q and K may reach. */
  public static final double FP16_MAX = Fp16.MAX;

  /**
   * What V may reach: half FP16's largest value. An output is a mean of V's values under weights
   * that each method rounds (P̃), and rounding to nearest can double a small weight (INT8 takes a p
   * just above 0.5/127 to 1/127), so |O| can reach twice max|V|; past 65504 it is inf in FP16 and
   * every error NaN. (uniform(60000,65504) at D=64 and softmax scale 1e-8, its scores small, gave
   * NaN in fp8-e4m3; 4e-8 in int8 too.)
   */
  public static final double V_MAX = FP16_MAX / 2;

  /**
   * How many standard deviations a normal draw is taken to stay within: P(|z| > 8) ≈ 1.2e-15, so
   * over the 3 · 2^31 draws of the largest tensors a sweep takes, the chance of one beyond is under
   * 1e-5.
   */
  static final double SIGMAS = 8;

  private static final Pattern SPEC =
      Pattern.compile("\\s*([a-z]+)\\s*(?:\\(\\s*([^,()]+)\\s*,\\s*([^,()]+)\\s*\\))?\\s*");

  public Distribution {
    // A compact constructor assigns the fields only at its end, so the check names the value from
    // the parameters (id() here would read a null kind).
    String what =
        !Double.isFinite(a) || !Double.isFinite(b)
            ? "parameters must be finite numbers"
            : switch (kind) {
              case NORMAL -> b > 0 ? null : "std must be > 0";
              case UNIFORM -> b > a ? null : "hi must be > lo";
              case OUTLIER ->
                  a >= 0 && a == Math.rint(a) && b > 0
                      ? null
                      : "channels must be a whole number >= 0 and scale > 0";
              case KBIAS ->
                  a >= 0 && a == Math.rint(a) && b >= 0
                      ? null
                      : "channels must be a whole number >= 0 and bias >= 0";
            };
    if (what == null) {
      what = beyondFp16(kind, a, b);
    }
    if (what != null) {
      throw new InvalidInputException(
          "distribution '" + spelled(kind, a, b) + "' is not allowed: " + what);
    }
  }

  /**
   * Why values drawn with these (otherwise valid) parameters could leave FP16's range, or null: V
   * within ±{@link #V_MAX}, Q and K within ±{@link #FP16_MAX}, a normal draw within {@link #SIGMAS}
   * standard deviations.
   */
  private static String beyondFp16(Kind kind, double a, double b) {
    String v =
        " (half FP16's largest value: an output, a mean of V under rounded weights, can reach"
            + " twice V's largest)";
    // The outlier channels and the bias are in Q and K only; V is normal(0,1).
    String qk = " (FP16's largest value: Q and K are FP16)";
    return switch (kind) {
      case NORMAL -> within("|mean| + 8·std", Math.abs(a) + SIGMAS * b, V_MAX, v);
      case UNIFORM ->
          within("the larger of |lo| and |hi|", Math.max(Math.abs(a), Math.abs(b)), V_MAX, v);
      case OUTLIER -> within("8·scale", SIGMAS * b, FP16_MAX, qk);
      case KBIAS -> within("bias + 8", b + SIGMAS, FP16_MAX, qk);
    };
  }

  /**
   * Why a draw reaching {@code reach} is refused, or null: beyond {@code limit}, or below FP16's
   * smallest normal value, where every input would be subnormal or 0. Inputs that all round to 0
   * give every method an error of exactly 0, a perfect score that measures nothing.
   */
  private static String within(String what, double reach, double limit, String why) {
    if (reach < Fp16.MIN_NORMAL) {
      return what
          + " is "
          + fmt(reach)
          + ", below FP16's smallest normal value "
          + fmt(Fp16.MIN_NORMAL)
          + " (the inputs would be subnormal or 0)";
    }
    return reach <= limit ? null : what + " is " + fmt(reach) + ", beyond " + fmt(limit) + why;
  }

  /**
   * Refuses an outlier or kbias channel count beyond {@code headDim}: the channels are picked among
   * the head dim's, so more cannot be had; all would be taken, the inputs of a count of {@code
   * headDim} under another name.
   */
  public void checkHeadDim(int headDim) {
    if ((kind == Kind.OUTLIER || kind == Kind.KBIAS) && a > headDim) {
      throw new InvalidInputException(
          "distribution '"
              + id()
              + "' is not allowed at head-dim "
              + headDim
              + ": channels must be <= the head dim");
    }
  }

  public static Distribution of(Kind kind) {
    return new Distribution(kind, kind.defaultA, kind.defaultB);
  }

  /** Parses {@code normal}, {@code uniform(0,1)}, {@code outlier(4,20)}, ... */
  public static Distribution parse(String spec) {
    Matcher m = SPEC.matcher(spec);
    String allowed =
        "allowed: normal[(mean,std)], uniform[(lo,hi)], outlier[(channels,scale)], kbias[(channels,bias)]";
    if (!m.matches()) {
      throw new InvalidInputException("unknown distribution '" + spec + "' (" + allowed + ")");
    }
    Kind kind;
    try {
      kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("unknown distribution '" + spec + "' (" + allowed + ")");
    }
    if (m.group(2) == null) {
      return of(kind);
    }
    return new Distribution(kind, number(m.group(2), spec), number(m.group(3), spec));
  }

  private static double number(String text, String spec) {
    double x;
    try {
      x = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("distribution '" + spec + "': parameters must be numbers");
    }
    // Named as typed: 1e400 parses as Infinity, a spelling the user never wrote.
    if (!Double.isFinite(x)) {
      throw new InvalidInputException(
          "distribution '" + spec + "': parameters must be finite numbers, not " + text.strip());
    }
    return x;
  }

  /** The canonical spelling: the bare name when the parameters are the defaults. */
  @JsonValue
  public String id() {
    if (a == kind.defaultA && b == kind.defaultB) {
      return kind.id();
    }
    return withParameters();
  }

  /** The spelling with both parameters, defaults or not, e.g. {@code normal(0,1)}. */
  public String withParameters() {
    return spelled(kind, a, b);
  }

  private static String spelled(Kind kind, double a, double b) {
    return kind.id() + "(" + fmt(a) + "," + fmt(b) + ")";
  }

  /**
   * A whole number below 2^53 as its digits (normal(0,1), not normal(0.0,1.0)); anything else as
   * {@link Double#toString}, which reads back as the same double. (A cast to long saturates: 1e30
   * printed as 9223372036854775807.)
   */
  private static String fmt(double x) {
    return x == Math.rint(x) && Math.abs(x) < 0x1p53 ? Long.toString((long) x) : Double.toString(x);
  }

  @Override
  public String toString() {
    return id();
  }
}
