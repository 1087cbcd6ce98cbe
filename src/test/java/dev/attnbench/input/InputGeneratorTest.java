package dev.attnbench.input;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.cpu.CpuEmulationBackend;
import dev.attnbench.input.Distribution.Kind;
import dev.attnbench.method.Method;
import dev.attnbench.metrics.ErrorStats;
import dev.attnbench.reference.Fp64Attention;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.stream.DoubleStream;
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

  /** The values of {@code x} whose (slice, channel) {@code take} selects. */
  private static double[] values(float[] x, Shape shape, BiPredicate<Integer, Integer> take) {
    DoubleStream.Builder b = DoubleStream.builder();
    int d = shape.headDim();
    for (int i = 0; i < x.length; i++) {
      if (take.test(i / (int) shape.sliceElements(), i % d)) b.add(x[i]);
    }
    return b.build().toArray();
  }

  private static double mean(double[] x) {
    return DoubleStream.of(x).average().orElseThrow();
  }

  private static double std(double[] x) {
    double m = mean(x);
    return Math.sqrt(DoubleStream.of(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
  }

  /**
   * Sample mean and std within 5 of their standard errors (σ/√n and, for normal data, σ/√(2n); less
   * for uniform data) of {@code mean} and {@code std}: a false failure about once in a million.
   */
  private static void assertMoments(double[] x, double mean, double std, String what) {
    assertEquals(mean, mean(x), 5 * std / Math.sqrt(x.length), what + ": mean");
    assertEquals(std, std(x), 5 * std / Math.sqrt(2.0 * x.length), what + ": std");
  }

  /**
   * Each distribution's parameters, drawn at random, are what the inputs show: normal's mean and
   * std, uniform's bounds, the outlier channels' scale (in Q and K, not V) and K's channel bias
   * (and no other tensor's). The labels a CSV carries are only as true as these.
   */
  @Test
  void eachDistributionsInputsHaveTheMomentsItsParametersName() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    Shape shape = new Shape(1, 2, 512, 64, false);
    double scale = shape.defaultSoftmaxScale();

    double mu = random.nextDouble(-2, 2);
    double sigma = random.nextDouble(0.25, 2);
    AttentionInputs normal =
        InputGenerator.generate(
            shape, Distribution.parse("normal(" + mu + "," + sigma + ")"), scale, seed);
    for (float[] t : List.of(normal.q(), normal.k(), normal.v())) {
      assertMoments(values(t, shape, (sl, c) -> true), mu, sigma, "normal, seed " + seed);
    }

    double lo = random.nextDouble(-3, 0);
    double hi = lo + random.nextDouble(0.5, 4);
    AttentionInputs uniform =
        InputGenerator.generate(
            shape, Distribution.parse("uniform(" + lo + "," + hi + ")"), scale, seed);
    for (float[] t : List.of(uniform.q(), uniform.k(), uniform.v())) {
      double[] x = values(t, shape, (sl, c) -> true);
      String what = "uniform, seed " + seed;
      assertMoments(x, (lo + hi) / 2, (hi - lo) / Math.sqrt(12), what);
      // FP16 rounding may carry a value to a bound, no further.
      double ulp = Math.ulp((float) Math.max(Math.abs(lo), Math.abs(hi))) * 0x1p13;
      assertTrue(DoubleStream.of(x).min().orElseThrow() >= lo - ulp, what);
      assertTrue(DoubleStream.of(x).max().orElseThrow() <= hi + ulp, what);
    }

    int channels = 1 + random.nextInt(8);
    double outlierScale = random.nextDouble(5, 30);
    AttentionInputs outlier =
        InputGenerator.generate(
            shape,
            Distribution.parse("outlier(" + channels + "," + outlierScale + ")"),
            scale,
            seed);
    BiPredicate<Integer, Integer> chosen =
        (sl, c) -> InputGenerator.chosenChannels(64, channels, seed, sl)[c];
    String what = "outlier(" + channels + ", " + outlierScale + "), seed " + seed;
    for (float[] t : List.of(outlier.q(), outlier.k())) {
      assertMoments(values(t, shape, chosen), 0, outlierScale, what + ", chosen");
      assertMoments(values(t, shape, chosen.negate()), 0, 1, what + ", others");
    }
    assertMoments(values(outlier.v(), shape, (sl, c) -> true), 0, 1, what + ", V");

    double bias = random.nextDouble(2, 12);
    AttentionInputs kbias =
        InputGenerator.generate(
            shape, Distribution.parse("kbias(" + channels + "," + bias + ")"), scale, seed);
    what = "kbias(" + channels + ", " + bias + "), seed " + seed;
    for (int slice = 0; slice < shape.slices(); slice++) {
      boolean[] biased = InputGenerator.chosenChannels(64, channels, seed, slice);
      for (int c = 0; c < 64; c++) {
        int sl = slice;
        int ch = c;
        double[] k = values(kbias.k(), shape, (s2, c2) -> s2 == sl && c2 == ch);
        // One channel of one slice: 512 tokens, each offset by the same ±bias.
        assertEquals(biased[c] ? bias : 0, Math.abs(mean(k)), 5 / Math.sqrt(512), what + " K " + c);
        assertEquals(1, std(k), 0.2, what + " K " + c);
      }
    }
    for (float[] t : List.of(kbias.q(), kbias.v())) {
      for (int c = 0; c < 64; c++) {
        int ch = c;
        double[] x = values(t, shape, (sl, c2) -> c2 == ch);
        assertEquals(0, mean(x), 5 / Math.sqrt(x.length), what + " Q/V " + c);
      }
    }
  }
}
