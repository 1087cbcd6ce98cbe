package dev.attnbench.report;

import dev.attnbench.metrics.ErrorStats;

/** One row of {@code accuracy.csv}: a method at one point of the grid, on one backend. */
public record AccuracyRow(
    String method,
    String distribution,
    int batch,
    int heads,
    int seqLen,
    int headDim,
    boolean causal,
    int rows,
    long seed,
    ErrorStats error,
    String backend) {

  /** The same row from another backend. */
  public AccuracyRow withBackend(String name) {
    return new AccuracyRow(
        method, distribution, batch, heads, seqLen, headDim, causal, rows, seed, error, name);
  }

  /** The same row under another method name (a comparison report prefixes each machine's). */
  public AccuracyRow withMethod(String name) {
    return new AccuracyRow(
        name, distribution, batch, heads, seqLen, headDim, causal, rows, seed, error, backend);
  }

  /** The same point with other errors (tests draw them at random). */
  public AccuracyRow withError(ErrorStats e) {
    return new AccuracyRow(
        method, distribution, batch, heads, seqLen, headDim, causal, rows, seed, e, backend);
  }
}
