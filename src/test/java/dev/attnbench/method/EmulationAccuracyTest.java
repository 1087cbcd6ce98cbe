package dev.attnbench.method;

import static dev.attnbench.method.EmulationTestSupport.inputs;
import static dev.attnbench.method.EmulationTestSupport.relativeL2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution.Kind;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.numeric.Fp16;
import dev.attnbench.reference.Fp64Attention;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The emulations' error against the FP64 reference. */
class EmulationAccuracyTest {

  private static double error(Method m, AttentionInputs in, RowSample rows, double[] ref) {
    return relativeL2(Emulations.of(m).forward(in, rows), ref);
  }

  private static Map<Method, Double> errors(AttentionInputs in, RowSample rows) {
    double[] ref = Fp64Attention.forward(in, rows);
    Map<Method, Double> e = new EnumMap<>(Method.class);
    for (Method m : Method.values()) {
      e.put(m, error(m, in, rows, ref));
    }
    return e;
  }

  @Test
  void fp16RelativeL2ErrorIsBelow1e3OnNormalInputs() {
    Shape shape = new Shape(1, 2, 1024, 64, false);
    AttentionInputs in = inputs(shape, Kind.NORMAL, 101);
    RowSample rows = RowSample.sample(shape, 64, 1);
    assertTrue(error(Method.FP16, in, rows, Fp64Attention.forward(in, rows)) < 1e-3);
  }

  @Test
  void fp16RelativeL2ErrorIsBelow1e3WhenCausal() {
    Shape shape = new Shape(1, 2, 1000, 64, true);
    AttentionInputs in = inputs(shape, Kind.NORMAL, 102);
    RowSample rows = RowSample.sample(shape, 64, 2);
    assertTrue(error(Method.FP16, in, rows, Fp64Attention.forward(in, rows)) < 1e-3);
  }

  @Test
  void errorsAreOrderedFp16Int8HalfInt8Fp8E4m3Fp8OnNormalInputs() {
    Shape shape = new Shape(1, 2, 1024, 64, false);
    Map<Method, Double> e = errors(inputs(shape, Kind.NORMAL, 103), RowSample.sample(shape, 64, 3));
    for (double v : e.values()) {
      assertTrue(Double.isFinite(v), e::toString);
    }
    assertTrue(e.get(Method.FP16) < e.get(Method.INT8_HALF), e::toString);
    assertTrue(e.get(Method.INT8_HALF) < e.get(Method.INT8), e::toString);
    assertTrue(e.get(Method.INT8) < e.get(Method.FP8_E4M3), e::toString);
    assertTrue(e.get(Method.FP8_E4M3) < e.get(Method.FP8), e::toString);
    for (Method m : Method.values()) {
      assertTrue(e.get(m) < 0.5, e::toString);
    }
  }

  @Test
  void int8PlusBeatsInt8OnUniformInputsAtScaleOne() {
    Shape shape = new Shape(1, 2, 1024, 64, false);
    Map<Method, Double> e =
        errors(inputs(shape, Kind.UNIFORM, 1.0, 105), RowSample.sample(shape, 64, 5));
    assertTrue(e.get(Method.INT8_PLUS) < 0.5 * e.get(Method.INT8), e::toString);
  }

  @ParameterizedTest(name = "N={0} D={1}")
  @CsvSource({
    "1, 16", "17, 16", "65, 16", "1000, 16",
    "1, 64", "17, 64", "65, 64", "1000, 64",
    "1, 128", "17, 128", "65, 128", "1000, 128"
  })
  void everyMethodGivesFiniteFp16OutputsAtOddLengthsAndHeadDims(int n, int d) {
    Shape shape = new Shape(1, 1, n, d, n % 2 == 1);
    AttentionInputs in = inputs(shape, Kind.NORMAL, 106L * n + d);
    RowSample rows = RowSample.sample(shape, 48, 6);
    double[] ref = Fp64Attention.forward(in, rows);
    for (Method m : Method.values()) {
      float[] out = Emulations.of(m).forward(in, rows);
      assertEquals(ref.length, out.length);
      for (float o : out) {
        assertTrue(Float.isFinite(o), m + " gave " + o);
        assertEquals(Fp16.round(o), o, m + " gave a non-FP16 value");
      }
      double bound = m == Method.FP16 ? 1e-3 : 0.5;
      assertTrue(relativeL2(out, ref) < bound, m + ": " + relativeL2(out, ref));
    }
  }

  @Test
  void singleKeyReturnsTheValueRowInFp16() {
    Shape shape = new Shape(1, 2, 1, 64, false);
    AttentionInputs in = inputs(shape, Kind.NORMAL, 107);
    float[] out = Emulations.of(Method.FP16).forward(in, RowSample.all(shape));
    assertEquals(java.util.Arrays.toString(in.v()), java.util.Arrays.toString(out));
  }
}
