package dev.attnbench.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The numbers the paper claims (arXiv 2409.16997), to print beside ours. Claims, not targets. */
public final class PaperClaims {
  private PaperClaims() {}

  /**
   * MRE reduction of full INT8 against FP8 (1 − MRE_int8 / MRE_fp8), by activation distribution.
   */
  private static final Map<String, Double> MRE_REDUCTION = Map.of("uniform", 0.82, "normal", 0.46);

  /**
   * The sequence lengths the paper measured, for its error and its speed figures alike
   * (benchmark.py): a verdict on a claim needs our figure at each of them.
   */
  public static final List<Integer> SEQ_LENS = List.of(1024, 2048, 4096, 8192, 16384);

  /** The softmax scale the authors timed their kernels at (benchmark.py). */
  public static final double LATENCY_SOFTMAX_SCALE = 1.3;

  /** INT8 speedup over FP16 FlashAttention (time_fp16 / time_int8 − 1) by sequence length. */
  private static final Map<Integer, Double> SPEEDUP =
      Map.of(1024, 0.31, 2048, 0.52, 4096, 0.66, 8192, 0.72, 16384, 0.73);

  public static Optional<Double> mreReduction(String distribution) {
    return Optional.ofNullable(MRE_REDUCTION.get(distribution));
  }

  public static Optional<Double> speedup(int seqLen) {
    return Optional.ofNullable(SPEEDUP.get(seqLen));
  }
}
