package dev.attnbench.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.input.Distribution.Kind;
import dev.attnbench.method.Method;
import dev.attnbench.metrics.ErrorStats;
import dev.attnbench.reference.Fp64Attention;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InputGeneratorTest {

  private static final Shape SHAPE = new Shape(1, 2, 256, 64, false);

  @Test
  void moreOutlierChannelsThanTheHeadDimAreRefusedBeforeDrawing() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> InputGenerator.generate(SHAPE, Distribution.parse("outlier(100,20)"), 0.125, 1));
    assertTrue(e.getMessage().contains("at head-dim 64: channels must be <= the head dim"));
  }

  @Test
  void scoresPastWhatEveryPTildeHoldsAreRefusedAtThatScaleOnly() {
    Distribution wide = Distribution.parse("uniform(0,100)");
    // Scores up to about 100² · 64/3 · 1.2 ≈ 256000, times log2(e): far past 2^16 at scale 1.
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> InputGenerator.generate(SHAPE, wide, 1.0, 1));
    assertTrue(
        e.getMessage()
            .startsWith(
                "distribution 'uniform(0,100)' is not allowed at head-dim 64 and softmax scale"
                    + " 1.000: its scaled scores"),
        e.getMessage());
    assertTrue(e.getMessage().contains("beyond 65536"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertDoesNotThrow(() -> InputGenerator.generate(SHAPE, wide, 0.01, 1));
  }

  /** Distributions at the limits' edges, each at a softmax scale that keeps its scores inside. */
  static Stream<Arguments> edges() {
    double v = Distribution.V_MAX;
    double qk = Distribution.FP16_MAX;
    return Stream.of(
        // With V in [60000, 65504) (scores inside) fp8-e4m3's and int8's outputs overflowed: NaN.
        Arguments.of(new Distribution(Kind.UNIFORM, v - 5504, v), 1e-8),
        Arguments.of(new Distribution(Kind.UNIFORM, v - 5504, v), 4e-8),
        Arguments.of(new Distribution(Kind.UNIFORM, -v, v), 1e-6),
        Arguments.of(new Distribution(Kind.NORMAL, 0, v / 8), 1e-6),
        Arguments.of(Distribution.parse("normal(0,50)"), 0.125),
        Arguments.of(new Distribution(Kind.OUTLIER, 4, qk / 8), 1e-6),
        Arguments.of(new Distribution(Kind.KBIAS, 8, qk - 8), 1e-6));
  }

  /** What the limits admit stays finite in every method: accepted inputs never give NaN errors. */
  @ParameterizedTest(name = "{0} at scale {1}")
  @MethodSource("edges")
  void acceptedInputsGiveFiniteErrorsInEveryMethod(Distribution dist, double scale) {
    AttentionInputs in = InputGenerator.generate(SHAPE, dist, scale, 3);
    RowSample rows = RowSample.sample(SHAPE, 32, 5);
    double[] ref = Fp64Attention.forward(in, rows);
    CpuEmulationBackend cpu = new CpuEmulationBackend();
    for (Method m : Method.values()) {
      ErrorStats e = ErrorStats.compare(cpu.forward(m, in, rows), ref);
      assertTrue(Double.isFinite(e.mre()), m.id() + ": " + e);
    }
  }
}
