package dev.attnbench.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ErrorStatsTest {

  @Test
  void relativePerturbationGivesThatMreAndRelL2() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 10_000;
    double[] ref = new double[n];
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      ref[i] = 0.5 + random.nextDouble(); // away from 0, so eps is negligible
      out[i] = (float) (ref[i] * 1.01);
    }
    ErrorStats e = ErrorStats.compare(out, ref);
    assertEquals(0.01, e.mre(), 1e-4);
    assertEquals(0.01, e.relL2(), 1e-4);
    assertEquals(1.0, e.cosine(), 1e-9);
    assertEquals(0.01, e.mreLast4(), 1e-4);
  }

  /**
   * One output off by c at one element, on fresh random data: each metric has its own closed form
   * (c for maxAbs, c/√n for rmse, c/‖r‖ for relL2, c/(|r_k|+ε)/n for mre), so no two of them could
   * be swapped or miscomputed and still pass; cosine from the two vectors' own norms.
   */
  @Test
  void oneElementOffGivesEachMetricsClosedForm() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int n = 1000 + random.nextInt(1000);
    double[] ref = new double[n];
    float[] out = new float[n];
    double refSq = 0;
    for (int i = 0; i < n; i++) {
      out[i] = (float) random.nextGaussian();
      ref[i] = out[i]; // exactly representable: only the spike differs
      refSq += ref[i] * ref[i];
    }
    int k = random.nextInt(n - ErrorStats.LAST_N); // not in the authors' last 4
    float c = (float) (0.5 + random.nextDouble());
    out[k] += c;
    double off = out[k] - ref[k]; // c as a float sum rounds it
    ErrorStats e = ErrorStats.compare(out, ref);
    String why = "seed " + seed;
    assertEquals(Math.abs(off), e.maxAbs(), 1e-15, why);
    assertEquals(Math.abs(off) / Math.sqrt(n), e.rmse(), 1e-12, why);
    assertEquals(Math.abs(off) / Math.sqrt(refSq), e.relL2(), 1e-12, why);
    assertEquals(
        Math.abs(off) / (Math.abs(ref[k]) + ErrorStats.MRE_EPSILON) / n, e.mre(), 1e-12, why);
    assertEquals(0, e.mreLast4(), why);
    double dot = 0;
    double outSq = 0;
    for (int i = 0; i < n; i++) {
      dot += out[i] * ref[i];
      outSq += (double) out[i] * out[i];
    }
    double cosine = dot / Math.sqrt(outSq) / Math.sqrt(refSq);
    assertEquals(cosine, e.cosine(), 1e-12, why);
    assertTrue(cosine < 1 - 1e-9, "the spike turns the output away from the reference: " + why);
  }

  @Test
  void last4SeesOnlyTheTail() {
    SplittableRandom random = new SplittableRandom(4);
    double[] ref = new double[100];
    float[] out = new float[100];
    for (int i = 0; i < 100; i++) {
      ref[i] = 1 + random.nextDouble();
      out[i] = (float) (i < 96 ? ref[i] * 1.5 : ref[i]);
    }
    ErrorStats e = ErrorStats.compare(out, ref);
    assertTrue(e.mre() > 0.4);
    assertTrue(e.mreLast4() < 1e-6);
  }

  @Test
  void nanOutputPoisonsEveryMetric() {
    SplittableRandom random = new SplittableRandom(5);
    double[] ref = random.doubles(64).toArray();
    float[] out = new float[64];
    for (int i = 0; i < 64; i++) out[i] = (float) ref[i];
    out[17] = Float.NaN;
    ErrorStats e = ErrorStats.compare(out, ref);
    for (double metric :
        new double[] {e.mre(), e.mreLast4(), e.relL2(), e.rmse(), e.maxAbs(), e.cosine()}) {
      assertTrue(Double.isNaN(metric), e.toString());
    }
  }
}
