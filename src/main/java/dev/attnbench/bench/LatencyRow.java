package dev.attnbench.bench;

/**
 * One row of {@code latency.csv}: one method at one shape and scope, summarized over its samples.
 *
 * @param method method id
 * @param scope "kernel" or "end-to-end"
 * @param medianMs median latency
 * @param p10Ms 10th percentile
 * @param p90Ms 90th percentile
 * @param reps samples taken (each one cold: L2 flushed before it)
 * @param tflops 4·B·H·N²·D (halved when causal) over the median, in TFLOP/s
 * @param gpu device name
 * @param smClockMhz median SM clock measured right after each sample
 * @param throttled whether the SM clock ran more than 5% below the run's reference (the card's
 *     nominal maximum; where the driver reports none, the highest per-point median so far) for a
 *     tenth or more of the samples
 */
public record LatencyRow(
    String method,
    int batch,
    int heads,
    int seqLen,
    int headDim,
    boolean causal,
    String scope,
    double medianMs,
    double p10Ms,
    double p90Ms,
    int reps,
    double tflops,
    String gpu,
    double smClockMhz,
    boolean throttled) {

  /** The same row under another method name (a comparison report prefixes each machine's). */
  public LatencyRow withMethod(String name) {
    return new LatencyRow(
        name,
        batch,
        heads,
        seqLen,
        headDim,
        causal,
        scope,
        medianMs,
        p10Ms,
        p90Ms,
        reps,
        tflops,
        gpu,
        smClockMhz,
        throttled);
  }

  /**
   * Spreads (p90 − p10 over the median) above this are flagged. A settled kernel point spreads by a
   * few percent. Before the blocking kernel ({@link StreamBlocker}), the H200's N=1k points of fp16
   * and cuDNN spread by 20–40%, with samples in two modes ~20% apart (host launch time inside the
   * events, results/2026-12-02-h200-timing-method), so their median could land in either from one
   * run to the next. What is flagged now is mostly clock throttling at large N.
   */
  public static final double WIDE_SPREAD = 0.15;

  /** (p90 − p10) / median: how far the samples of this point spread. */
  public double relativeSpread() {
    return (p90Ms - p10Ms) / medianMs;
  }

  /** Whether the samples spread more than {@link #WIDE_SPREAD}. */
  public boolean wideSpread() {
    return relativeSpread() > WIDE_SPREAD;
  }

  /** TFLOP/s of {@code flops} done in {@code ms}. */
  public static double tflops(double flops, double ms) {
    return flops / (ms * 1e-3) / 1e12;
  }
}
