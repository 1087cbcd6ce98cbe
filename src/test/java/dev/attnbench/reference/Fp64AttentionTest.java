package dev.attnbench.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Fp64AttentionTest {

  /** The textbook formula: the whole score row, its max, exp, sum, then the weighted V. */
  static double[] fullSoftmaxRow(AttentionInputs in, int slice, int i) {
    Shape s = in.shape();
    int d = s.headDim();
    int keys = s.causal() ? i + 1 : s.seqLen();
    double[] scores = new double[keys];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < keys; j++) {
      double dot = 0;
      for (int c = 0; c < d; c++) {
        dot += (double) in.q()[s.rowOffset(slice, i) + c] * in.k()[s.rowOffset(slice, j) + c];
      }
      scores[j] = dot * in.softmaxScale();
      max = Math.max(max, scores[j]);
    }
    double sum = 0;
    for (int j = 0; j < keys; j++) {
      scores[j] = Math.exp(scores[j] - max);
      sum += scores[j];
    }
    double[] o = new double[d];
    for (int j = 0; j < keys; j++) {
      for (int c = 0; c < d; c++) {
        o[c] += scores[j] / sum * in.v()[s.rowOffset(slice, j) + c];
      }
    }
    return o;
  }

  @ParameterizedTest(name = "N={0} D={1} causal={2}")
  @CsvSource({"700,64,false", "700,64,true", "257,128,false", "1,16,false", "1000,32,true"})
  void blockwiseOnlineSoftmaxEqualsFullSoftmaxTo1e12(int n, int d, boolean causal) {
    Shape shape = new Shape(1, 2, n, d, causal);
    AttentionInputs in =
        InputGenerator.generate(
            shape, Distribution.parse("normal(0,2)"), 1.0 / Math.sqrt(d), 7 + n);
    RowSample rows = RowSample.all(shape);
    double[] streamed = Fp64Attention.forward(in, rows);
    for (int slice = 0; slice < shape.slices(); slice++) {
      for (int i = 0; i < n; i += Math.max(1, n / 37)) {
        double[] full = fullSoftmaxRow(in, slice, i);
        int off = rows.outputOffset(slice, d) + i * d;
        for (int c = 0; c < d; c++) {
          double scale = Math.max(1.0, Math.abs(full[c]));
          assertEquals(
              full[c],
              streamed[off + c],
              1e-12 * scale,
              "slice " + slice + " row " + i + " c " + c);
        }
      }
    }
  }

  @ParameterizedTest(name = "causal={0}")
  @CsvSource({"false", "true"})
  void sampledRowsEqualTheSameRowsOfAFullEvaluation(boolean causal) {
    Shape shape = new Shape(2, 3, 1025, 64, causal);
    AttentionInputs in = InputGenerator.generate(shape, Distribution.parse("uniform"), 0.125, 11);
    RowSample all = RowSample.all(shape);
    RowSample sample = RowSample.sample(shape, 40, 99);
    double[] full = Fp64Attention.forward(in, all);
    double[] sampled = Fp64Attention.forward(in, sample);
    for (int slice = 0; slice < shape.slices(); slice++) {
      int[] r = sample.rows()[slice];
      for (int j = 0; j < r.length; j++) {
        for (int c = 0; c < 64; c++) {
          assertEquals(
              full[all.outputOffset(slice, 64) + r[j] * 64 + c],
              sampled[sample.outputOffset(slice, 64) + j * 64 + c],
              0.0);
        }
      }
    }
    assertTrue(sample.rowsPerSlice(0) == 40);
  }
}
