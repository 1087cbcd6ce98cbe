package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.LatencyBench;
import dev.attnbench.bench.Scope;
import dev.attnbench.method.Method;
import dev.attnbench.report.PaperClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
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

  /** The defaults are the paper's latency setting (README, configs/paper.yaml). */
  @Test
  void withNeitherFileNorFlagsTheSweepIsThePapersSetting() {
    LatencySweep sweep = LatencySweep.resolve(null, null);
    assertEquals(4, sweep.batch());
    assertEquals(32, sweep.heads());
    assertEquals(PaperClaims.SEQ_LENS, sweep.seqLens());
    assertEquals(List.of(64), sweep.headDims());
    assertEquals(List.of(false), sweep.causal());
    assertEquals(
        List.of(Method.FP16, Method.FP8, Method.INT8_HALF, Method.INT8, Method.INT8_PLUS),
        sweep.methods());
    assertEquals(List.of(Scope.KERNEL), sweep.scopes());
  }

  /** Each flag wins over the file's value, and the file's over the default, axis by axis. */
  @Test
  void flagsWinOverTheFileAndTheFileOverTheDefaults() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int fileBatch = 1 + random.nextInt(3);
    int flagBatch = 5 + random.nextInt(3);
    int fileHeads = 1 + random.nextInt(15);
    SweepConfig.Latency file =
        new SweepConfig.Latency(
            fileBatch,
            fileHeads,
            List.of(2048),
            List.of(128),
            List.of(true),
            List.of("int8"),
            List.of("end-to-end"),
            null);
    SweepConfig.Latency flags =
        new SweepConfig.Latency(
            flagBatch, null, List.of(512), null, null, null, List.of("kernel"), null);
    LatencySweep sweep = LatencySweep.resolve(file, flags);
    String why = "seed " + seed;
    assertEquals(flagBatch, sweep.batch(), why);
    assertEquals(fileHeads, sweep.heads(), why);
    assertEquals(List.of(512), sweep.seqLens(), why);
    assertEquals(List.of(128), sweep.headDims(), why);
    assertEquals(List.of(true), sweep.causal(), why);
    assertEquals(List.of(Method.INT8), sweep.methods(), why);
    assertEquals(List.of(Scope.KERNEL), sweep.scopes(), why);
  }

  /** "both" is kernel and end-to-end: given beside one of them, it adds only the other. */
  @Test
  void bothScopesBesideOneOfThemAddOnlyTheOther() {
    SweepConfig.Latency flags =
        new SweepConfig.Latency(
            null, null, null, null, null, null, List.of("kernel", "both"), null);
    assertEquals(
        List.of(Scope.KERNEL, Scope.END_TO_END), LatencySweep.resolve(null, flags).scopes());
  }

  /** A scope given twice would time each point twice, and latency.csv would hold both rows. */
  @Test
  void aScopeGivenTwiceIsRefused() {
    LatencySweep paper = LatencySweep.resolve(null, null);
    assertThrows(
        InvalidInputException.class,
        () ->
            new LatencySweep(
                4,
                32,
                paper.seqLens(),
                paper.headDims(),
                paper.causal(),
                paper.methods(),
                List.of(Scope.KERNEL, Scope.KERNEL),
                null));
  }

  /** Points run in increasing N, whatever order the lengths were given in. */
  @Test
  void pointsRunInIncreasingN() {
    long seed = System.nanoTime();
    List<Integer> lengths =
        new ArrayList<>(
            new SplittableRandom(seed).ints(64, 4096).distinct().limit(6).boxed().toList());
    SweepConfig.Latency flags =
        new SweepConfig.Latency(null, null, lengths, null, null, null, null, null);
    List<Integer> order =
        LatencySweep.resolve(null, flags).points().stream()
            .map(p -> p.shape().seqLen())
            .distinct()
            .toList();
    lengths.sort(null);
    assertEquals(lengths, order, "seed " + seed);
  }
}
