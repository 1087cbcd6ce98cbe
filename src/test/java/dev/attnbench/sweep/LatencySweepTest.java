package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.LatencyBench;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The softmax scale of the timed attention: the authors' 1.3 unless a file or flag says. */
class LatencySweepTest {

  static SweepConfig.Latency only(Double scale, List<Integer> headDims) {
    return new SweepConfig.Latency(null, null, null, headDims, null, null, null, scale);
  }

  /** The scales of {@code sweep}'s points, never none (allMatch holds on an empty list). */
  static Set<Double> scales(LatencySweep sweep) {
    List<LatencyBench.Point> points = sweep.points();
    assertFalse(points.isEmpty(), "the sweep has points");
    return points.stream().map(LatencyBench.Point::softmaxScale).collect(Collectors.toSet());
  }

  @Test
  void everyPointCarriesTheScaleThatFlagsThenTheFileThenTheDefaultsGive() {
    assertEquals(Set.of(1.3), scales(LatencySweep.resolve(null, null)));
    assertEquals(Set.of(0.7), scales(LatencySweep.resolve(only(0.7, null), null)));
    assertEquals(Set.of(2.5), scales(LatencySweep.resolve(only(0.7, null), only(2.5, null))));
  }

  @Test
  void withoutAScaleEachHeadDimTakesItsOwnOneOverRootD() {
    LatencySweep s =
        new LatencySweep(
            1,
            1,
            List.of(256),
            List.of(64, 128),
            List.of(false),
            List.of(dev.attnbench.method.Method.FP16),
            List.of(dev.attnbench.bench.Scope.KERNEL),
            null);
    List<LatencyBench.Point> points = s.points();
    assertEquals(0.125, points.get(0).softmaxScale());
    assertEquals(1 / Math.sqrt(128), points.get(1).softmaxScale());
  }

  @Test
  void aScaleThatIsNotAFinitePositiveNumberIsRefused() {
    for (double bad : new double[] {0, -1.3, Double.NaN, Double.POSITIVE_INFINITY}) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class, () -> LatencySweep.resolve(only(bad, null), null));
      assertEquals(
          "softmax-scale " + bad + " is not allowed (a finite number > 0)", e.getMessage());
    }
  }
}
