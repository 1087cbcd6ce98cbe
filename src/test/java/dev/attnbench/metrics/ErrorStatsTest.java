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
    assertTrue(Double.isNaN(e.mre()) && Double.isNaN(e.relL2()) && Double.isNaN(e.maxAbs()));
  }
}
