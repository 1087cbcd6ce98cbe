package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.ColdSampling;
import dev.attnbench.bench.L2Flush;
import dev.attnbench.bench.StdRelCriterion;
import dev.attnbench.input.LatencyInputs;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How latency points are sampled ({@code bench}, {@code reproduce}): the stopping rule, and the
 * inputs' distribution and seed.
 */
public final class MeasurementOptions {

  @Option(
      names = "--max-time-per-point",
      paramLabel = "SECONDS",
      defaultValue = "3",
      description = "Sampling budget per latency point in seconds (default: ${DEFAULT-VALUE}).")
  double maxTimePerPoint;

  @Option(
      names = "--stdrel",
      paramLabel = "FRACTION",
      defaultValue = "0.005",
      description =
          "Stop a latency point once the relative std-dev of its last samples is below this (default: ${DEFAULT-VALUE}).")
  double stdRel;

  @Option(
      names = "--l2-flush",
      paramLabel = "write|read",
      defaultValue = "write",
      description =
          "How each cold sample empties L2: write (a memset of 2x L2, as nvbench and Triton) or read (a kernel reading 2x L2, which leaves no dirty lines for the timed work to write back). Default: ${DEFAULT-VALUE}.")
  String l2Flush;

  @Option(
      names = "--no-block",
      description =
          "Do not hold the stream with a blocking kernel while a sample is enqueued (nvbench's --no-block): the host's launch time can then fall inside the timed events.")
  boolean noBlock;

  @Option(
      names = "--save-samples",
      description =
          "Also write every sample of each point (samples/<point>.csv: sample, ms, SM clock), not only its median, p10 and p90.")
  boolean saveSamples;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "1",
      description = "Seed of the latency inputs, drawn on the GPU (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--input-dist",
      paramLabel = "DIST",
      defaultValue = "normal",
      description =
          "What the timed kernels compute on, drawn on the GPU for Q, K and V (and for the PyTorch peer): normal[(mean,std)] or uniform[(lo,hi)] (default: ${DEFAULT-VALUE}, i.e. normal(0,1), the paper's torch.randn). A power-limited GPU clocks by its operands' bits, so the figures depend on it.")
  String inputDist;

  /** The latency inputs, after checking the flag. */
  LatencyInputs inputs() {
    return LatencyInputs.parse(inputDist, seed);
  }

  /** How samples are taken, after checking every flag. */
  ColdSampling sampling() {
    return new ColdSampling(criterion(), L2Flush.parse(l2Flush), !noBlock);
  }

  /** The stopping rule, after checking both flags. */
  private StdRelCriterion criterion() {
    if (!(stdRel > 0 && stdRel < 1)) {
      throw new InvalidInputException(
          "--stdrel " + stdRel + " is not allowed (must be in (0, 1), e.g. 0.005)");
    }
    // Finite too: a point that never settles would never stop.
    if (!(maxTimePerPoint > 0 && Double.isFinite(maxTimePerPoint))) {
      throw new InvalidInputException(
          "--max-time-per-point "
              + maxTimePerPoint
              + " is not allowed (a finite number of seconds > 0)");
    }
    return StdRelCriterion.of(stdRel, Duration.ofMillis(Math.round(maxTimePerPoint * 1000)));
  }
}
