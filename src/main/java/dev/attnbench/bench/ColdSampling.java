package dev.attnbench.bench;

/**
 * How {@link ColdMeasurement} takes its samples: when it stops, how it empties L2, and whether the
 * stream is held while the host enqueues a sample ({@link StreamBlocker}).
 */
public record ColdSampling(StdRelCriterion criterion, L2Flush flush, boolean blocked) {

  /** What run.json says about it. */
  public String description() {
    return "cold: L2 flushed ("
        + flush.description()
        + ") before each sample; "
        + (blocked
            ? "the stream held by a blocking kernel while the host enqueues the sample (as nvbench)"
            : "no blocking kernel (the host's launch time can fall inside the events)")
        + "; CUDA events around the work";
  }
}
