package dev.attnbench.method;

/** What the softmax denominator {@code l} sums per key (docs/ARITHMETIC.md, column w). */
public enum DenominatorWeight {
  /** The FP32 probability {@code p}, before P's rounding (FlashAttention, the paper's INT8). */
  P,
  /**
   * The rounded P̃ itself, so numerator and denominator see the same rounding errors and the
   * normalized weights sum to exactly one; P̃'s factor then cancels and the final scale omits it.
   */
  P_TILDE
}
