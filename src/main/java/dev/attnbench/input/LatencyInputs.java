package dev.attnbench.input;

import dev.attnbench.InvalidInputException;

/**
 * What the timed kernels compute on: FP16 Q, K and V drawn on the GPU from one distribution, three
 * seeded streams of it. The values matter to the timing although no kernel branches on them: a GPU
 * at its power limit (FP16 attention at long N runs there) clocks lower when its operands toggle
 * more bits, and how often a row's running maximum moves sets how often FP16's rescale runs. So the
 * distribution is a condition of every latency figure, recorded in run.json.
 *
 * <p>The device draws FP16 as the host does, so a distribution here is held to the same range as an
 * accuracy sweep's ({@link Distribution#V_MAX}, checked as the {@link Distribution} is built): one
 * whose draws overflow FP16 would time inf and NaN operands.
 */
public record LatencyInputs(Distribution distribution, long seed) {

  private static final String ALLOWED = "allowed: normal[(mean,std)], uniform[(lo,hi)]";

  public LatencyInputs {
    // outlier and kbias pick channels per head on the host; the device generator has no such step.
    if (distribution.kind() != Distribution.Kind.NORMAL
        && distribution.kind() != Distribution.Kind.UNIFORM) {
      throw notAllowed(distribution.id());
    }
  }

  /** The paper's inputs ({@code torch.randn}): what {@code reproduce} times. */
  public static LatencyInputs normal(long seed) {
    return new LatencyInputs(Distribution.of(Distribution.Kind.NORMAL), seed);
  }

  /** {@code spec} as {@code --input-dist} takes it, e.g. {@code uniform(-1,1)}. */
  public static LatencyInputs parse(String spec, long seed) {
    String name = spec.strip().split("\\(", 2)[0].strip();
    if (!name.equals("normal") && !name.equals("uniform")) {
      throw notAllowed(spec);
    }
    try {
      return new LatencyInputs(Distribution.parse(spec), seed);
    } catch (InvalidInputException e) {
      // A malformed spelling is named with the latency inputs' own list, not the accuracy's
      // (which offers outlier and kbias, which the GPU does not draw).
      if (e.getMessage().startsWith("unknown distribution")) {
        throw notAllowed(spec);
      }
      throw new InvalidInputException("--input-dist " + spec + ": " + e.getMessage());
    }
  }

  private static InvalidInputException notAllowed(String spec) {
    return new InvalidInputException(
        "--input-dist '"
            + spec
            + "' is not allowed (latency inputs are drawn on the GPU; "
            + ALLOWED
            + ")");
  }

  /** run.json's line, e.g. {@code normal(0,1) drawn on the GPU, seed 1}. */
  public String describe() {
    return distribution.withParameters() + " drawn on the GPU, seed " + seed;
  }
}
