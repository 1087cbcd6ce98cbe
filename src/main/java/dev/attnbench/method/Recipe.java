package dev.attnbench.method;

/**
 * A method as the policies in which methods differ (one row of the table in docs/ARITHMETIC.md, and
 * how its kernel adds P̃·V); everything else is the one shared FlashAttention loop.
 *
 * @param scores the Q, K operands, the score {@code u_k} and the row factor {@code r}
 * @param p how {@code p} is rounded into P̃
 * @param weight what the denominator {@code l} sums
 * @param values the V operand and its scale
 * @param sums how the tensor core adds a block's products (exact but for fp8-native on Hopper)
 * @param fold how a block's P̃·V sum joins the accumulator: one FMA where P̃ is 8-bit
 */
public record Recipe(
    ScoreOperands scores,
    PRounding p,
    DenominatorWeight weight,
    ValueOperands values,
    TensorCoreSum sums,
    BlockFold fold) {

  /**
   * Whether {@code method}'s kernel at {@code headDim} takes its row sums of P̃ from the tensor
   * cores (w = P̃) where its arithmetic leaves the choice to speed: fp8-native's at both D (at D =
   * 128 its ones are 8 more rows of V8t, one m64n136k32 wgmma: results/2026-12-03-h200-paper-v52)
   * and int8-half's at D = 64, where the FP32 row sums cost most; at D = 128 int8-half's separate
   * ones wgmma costs more than it saves (results/2026-12-03-h200-v51-candidate). The kernels'
   * {@code ATTN_*_TENSOR_ROW_SUMS_D*} make the same choice, and the CUDA backend checks each
   * entry's against this. The head dims only the CPU emulation runs follow the nearest kernel: D =
   * 64's up to 64, D = 128's above.
   */
  static boolean tensorRowSumsOfPTilde(Method method, int headDim) {
    return method == Method.FP8_NATIVE || (method == Method.INT8_HALF && headDim <= 64);
  }

  /** The recipe of {@code method} at head dim {@code headDim}. */
  public static Recipe of(Method method, int headDim) {
    DenominatorWeight chosen =
        tensorRowSumsOfPTilde(method, headDim) ? DenominatorWeight.P_TILDE : DenominatorWeight.P;
    return switch (method) {
      case FP16 ->
          new Recipe(
              ScoreOperands.FP16,
              PRounding.FP16,
              DenominatorWeight.P,
              ValueOperands.FP16,
              TensorCoreSum.EXACT,
              BlockFold.RESCALE_THEN_ADD);
      case FP8 ->
          new Recipe(
              ScoreOperands.FP8_E5M2,
              PRounding.E5M2,
              DenominatorWeight.P,
              ValueOperands.FP8_E5M2,
              TensorCoreSum.EXACT,
              BlockFold.RESCALE_THEN_ADD);
        // fp8-native is fp8-e4m3's arithmetic on Hopper's FP8 tensor cores: its sums are not
        // exact, each block's P̃·V sum is folded apart, where fp8-e4m3 widens P̃ to f16, and
        // its denominator counts P̃ (summed by those tensor cores, P̃ times ones; v51, v52).
      case FP8_E4M3, FP8_NATIVE -> {
        boolean fp8TensorCores = method == Method.FP8_NATIVE;
        yield new Recipe(
            ScoreOperands.FP8_E4M3_SCALED,
            PRounding.E4M3_TIMES_256,
            chosen,
            ValueOperands.FP8_E4M3_SCALED,
            fp8TensorCores ? TensorCoreSum.FP8_WGMMA : TensorCoreSum.EXACT,
            fp8TensorCores ? BlockFold.FMA : BlockFold.RESCALE_THEN_ADD);
      }
      case INT8_HALF ->
          new Recipe(
              ScoreOperands.INT8_PER_TOKEN,
              PRounding.FP16,
              chosen,
              ValueOperands.FP16,
              TensorCoreSum.EXACT,
              BlockFold.RESCALE_THEN_ADD);
      default -> of(method.int8Variant().orElseThrow());
    };
  }

  /** The paper's Algorithm 1 with the changes that {@code variant} names. */
  static Recipe of(Method.Int8Variant variant) {
    return new Recipe(
        variant.smoothK() ? ScoreOperands.INT8_PER_TOKEN_SMOOTH_K : ScoreOperands.INT8_PER_TOKEN,
        variant.u8P() ? PRounding.U8_TIMES_255 : PRounding.S8_TIMES_127,
        variant.quantizedDenominator() ? DenominatorWeight.P_TILDE : DenominatorWeight.P,
        variant.perChannelV() ? ValueOperands.INT8_PER_CHANNEL : ValueOperands.INT8_PER_TENSOR,
        TensorCoreSum.EXACT,
        BlockFold.FMA);
  }

  /**
   * {@code fs_d} from V's channel scale: with the denominator counting {@code p}, acc/l still
   * carries P̃'s factor, which is divided out here ({@code f32(s_v / 127)} for {@code int8});
   * counting P̃ cancels it, leaving {@code s_v} itself.
   */
  public float finalScale(float valueScale) {
    return weight == DenominatorWeight.P_TILDE ? valueScale : valueScale / p.scale();
  }
}
