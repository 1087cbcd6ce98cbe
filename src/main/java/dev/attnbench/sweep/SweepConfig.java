package dev.attnbench.sweep;

import java.util.List;

/**
 * A sweep definition file ({@code configs/*.yaml}), as written: snake_case keys, every section and
 * key optional. Validation happens when it is turned into an {@link AccuracySweep}; unknown keys
 * are rejected when the file is read.
 */
public record SweepConfig(String name, Accuracy accuracy, Latency latency) {

  /** The accuracy section: the grid of error measurements. */
  public record Accuracy(
      Integer batch,
      Integer heads,
      List<Integer> seqLen,
      List<Integer> headDim,
      List<Boolean> causal,
      List<String> distributions,
      List<String> methods,
      Integer rows,
      Double softmaxScale,
      Long seed) {}

  /** The latency section: the grid of timings (GPU only). */
  public record Latency(
      Integer batch,
      Integer heads,
      List<Integer> seqLen,
      List<Integer> headDim,
      List<Boolean> causal,
      List<String> methods,
      List<String> scope,
      Double softmaxScale) {}
}
