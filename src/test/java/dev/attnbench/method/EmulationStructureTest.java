package dev.attnbench.method;

import static dev.attnbench.method.EmulationTestSupport.inputs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution.Kind;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row sampling, masking and layout: properties that hold bit for bit. */
class EmulationStructureTest {

  @Test
  void everyMethodHasAnEmulationOfThatMethod() {
    for (Method m : Method.values()) {
      assertEquals(m, Emulations.of(m).method());
    }
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void sampledRowsGiveExactlyTheOutputsOfAFullEvaluation(Method m) {
    Shape shape = new Shape(2, 1, 203, 32, true);
    AttentionInputs in = inputs(shape, Kind.NORMAL, 201);
    RowSample sample = RowSample.sample(shape, 37, 9);
    float[] full = Emulations.of(m).forward(in, RowSample.all(shape));
    float[] sampled = Emulations.of(m).forward(in, sample);
    int d = shape.headDim();
    for (int s = 0; s < shape.slices(); s++) {
      int[] rows = sample.rows()[s];
      for (int t = 0; t < rows.length; t++) {
        int at = sample.outputOffset(s, d) + t * d;
        int fullAt = (s * shape.seqLen() + rows[t]) * d;
        assertArrayEquals(
            Arrays.copyOfRange(full, fullAt, fullAt + d),
            Arrays.copyOfRange(sampled, at, at + d),
            "slice " + s + " row " + rows[t]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void causalLastRowEqualsNonCausalLastRow(Method m) {
    // The last query sees every key either way, and quantization statistics ignore the mask.
    Shape causal = new Shape(1, 2, 150, 32, true);
    Shape full = new Shape(1, 2, 150, 32, false);
    AttentionInputs in = inputs(causal, Kind.NORMAL, 202);
    AttentionInputs inFull = new AttentionInputs(full, in.softmaxScale(), in.q(), in.k(), in.v());
    int[][] last = {{149}, {149}};
    float[] a = Emulations.of(m).forward(in, new RowSample(150, last));
    float[] b = Emulations.of(m).forward(inFull, new RowSample(150, last));
    assertArrayEquals(b, a);
  }

  @ParameterizedTest
  @EnumSource(
      value = Method.class,
      names = {
        "FP16",
        "INT8_HALF"
      }) // no tensor-wide statistics, so a prefix is a problem of its own
  void causalRowSeesExactlyItsPrefixOfKeys(Method m) {
    Shape shape = new Shape(1, 1, 150, 32, true);
    AttentionInputs in = inputs(shape, Kind.NORMAL, 203);
    int row = 100;
    float[] causal = Emulations.of(m).forward(in, new RowSample(150, new int[][] {{row}}));
    int prefix = (row + 1) * shape.headDim();
    Shape prefixShape = new Shape(1, 1, row + 1, 32, false);
    AttentionInputs truncated =
        new AttentionInputs(
            prefixShape,
            in.softmaxScale(),
            Arrays.copyOf(in.q(), prefix),
            Arrays.copyOf(in.k(), prefix),
            Arrays.copyOf(in.v(), prefix));
    float[] nonCausal =
        Emulations.of(m).forward(truncated, new RowSample(row + 1, new int[][] {{row}}));
    assertArrayEquals(nonCausal, causal);
  }

  @Test
  void causalMaskChangesEarlyRows() {
    Shape causal = new Shape(1, 1, 150, 32, true);
    AttentionInputs in = inputs(causal, Kind.NORMAL, 204);
    AttentionInputs inFull =
        new AttentionInputs(
            new Shape(1, 1, 150, 32, false), in.softmaxScale(), in.q(), in.k(), in.v());
    RowSample row = new RowSample(150, new int[][] {{70}});
    assertFalse(
        Arrays.equals(
            Emulations.of(Method.INT8).forward(in, row),
            Emulations.of(Method.INT8).forward(inFull, row)));
  }

  @Test
  void causalFirstRowIsTheFirstValueRow() {
    Shape shape = new Shape(1, 1, 90, 32, true);
    AttentionInputs in = inputs(shape, Kind.NORMAL, 205);
    float[] out = Emulations.of(Method.FP16).forward(in, new RowSample(90, new int[][] {{0}}));
    assertArrayEquals(Arrays.copyOf(in.v(), 32), out);
  }
}
