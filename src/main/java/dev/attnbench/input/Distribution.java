package dev.attnbench.input;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.attnbench.InvalidInputException;
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

  private static final Pattern SPEC =
      Pattern.compile("\\s*([a-z]+)\\s*(?:\\(\\s*([^,()]+)\\s*,\\s*([^,()]+)\\s*\\))?\\s*");

  public Distribution {
    // A compact constructor assigns the fields only at its end, so the check names the value from
    // the parameters (id() here would read a null kind).
    String what =
        switch (kind) {
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
    if (what != null) {
      throw new InvalidInputException(
          "distribution '" + spelled(kind, a, b) + "' is not allowed: " + what);
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
    try {
      return new Distribution(kind, Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("distribution '" + spec + "': parameters must be numbers");
    }
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

  private static String fmt(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  @Override
  public String toString() {
    return id();
  }
}
