package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyRow;
import dev.attnbench.method.MmaPath;
import dev.attnbench.metrics.ErrorStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** The throughput chart draws the measured tensor-core ceilings only where they hold. */
class ChartsTest {

  final long seed = System.nanoTime();
  final SplittableRandom rnd = new SplittableRandom(seed);

  /** An assertion's message: the seed of the random data, so that a failure can be replayed. */
  String why(Object what) {
    return "seed " + seed + ": " + what;
  }

  static final Optional<MmaPath> WGMMA = Optional.of(MmaPath.WGMMA);

  /** fp16 and int8 kernel rows at two N on one GPU, with random timings and clocks. */
  List<LatencyRow> run(String gpu) {
    List<LatencyRow> rows = new ArrayList<>();
    for (String m : List.of("fp16", "int8")) {
      for (int n : List.of(4096, 16384)) {
        rows.add(
            ClaimsEvaluatorTest.timing(
                m, n, rnd.nextDouble(0.5, 40), rnd.nextDouble(1700, 1980), gpu));
      }
    }
    return rows;
  }

  static long ceilings(XYChart c) {
    return c.getSeriesMap().keySet().stream().filter(s -> s.contains("ceiling")).count();
  }

  @Test
  void hopperSxmPartsGetTheCeilingsOfTheirKernelsPath() {
    for (String gpu : List.of("NVIDIA H100 80GB HBM3", "NVIDIA H200")) {
      XYChart c = Charts.tflopsVsN(run(gpu), 64, false, WGMMA);
      assertEquals(
          Set.of(
              "f16 wgmma ceiling (H200, random operands)",
              "s8 wgmma ceiling (H200, random operands)",
              "e4m3 wgmma ceiling (H200, random operands)"),
          ceilingNames(c),
          why(gpu));
      assertTrue(c.getSeriesMap().containsKey("int8"), why(gpu));
      XYChart m = Charts.tflopsVsN(run(gpu), 64, false, Optional.of(MmaPath.MMA_SYNC));
      assertEquals(
          Set.of(
              "f16 mma.sync ceiling (H200, random operands)",
              "s8 mma.sync ceiling (H200, random operands)"),
          ceilingNames(m),
          why(gpu));
      // A run that does not say which instruction its kernels took gets none.
      assertEquals(0, ceilings(Charts.tflopsVsN(run(gpu), 64, false, Optional.empty())), why(gpu));
    }
  }

  private static Set<String> ceilingNames(XYChart c) {
    return c.getSeriesMap().keySet().stream()
        .filter(k -> k.contains("ceiling"))
        .collect(Collectors.toSet());
  }

  /**
   * With the authors' peer, the speedup chart draws their INT8 over their own FP16 baseline (the
   * paper's claim on its own code) beside our kernels over our fp16, at the N both were timed.
   */
  @Test
  void theSpeedupChartDrawsTheAuthorsInt8OverItsOwnFp16Baseline() {
    List<LatencyRow> rows = new ArrayList<>(run("NVIDIA H200"));
    double[] want = new double[2];
    int i = 0;
    for (int n : List.of(4096, 16384)) {
      double triton = rnd.nextDouble(0.5, 40), authors = rnd.nextDouble(0.5, 40);
      rows.add(ClaimsEvaluatorTest.timing("triton-fp16", n, triton));
      rows.add(ClaimsEvaluatorTest.timing("authors-int8", n, authors));
      want[i++] = triton / authors;
    }
    rows.add(ClaimsEvaluatorTest.timing("authors-int8", 1024, 1.0)); // no baseline at 1k
    XYChart c = Charts.speedupVsN(java.util.Map.of("", rows), 64, false);
    var ratio = c.getSeriesMap().get("authors-int8 over triton-fp16");
    assertArrayEquals(new double[] {12, 14}, ratio.getXData(), 1e-12, why("N"));
    assertArrayEquals(want, ratio.getYData(), 1e-12, why("authors-int8 over triton-fp16"));
    assertTrue(c.getSeriesMap().containsKey("int8"), why(c.getSeriesMap().keySet()));
    // Each measured series in a colour of its own: the ratio had been drawn as authors-int8 was.
    Set<java.awt.Color> colours = new java.util.HashSet<>();
    List<String> measured =
        c.getSeriesMap().keySet().stream()
            .filter(k -> !k.startsWith("paper") && !k.equals(Charts.PARITY))
            .toList();
    measured.forEach(k -> colours.add(c.getSeriesMap().get(k).getLineColor()));
    assertEquals(measured.size(), colours.size(), why(measured));
    // Without our fp16 the authors' ratio and the paper's figures still draw.
    List<LatencyRow> peerOnly = rows.stream().filter(r -> r.method().contains("-")).toList();
    assertEquals(
        Set.of("authors-int8 over triton-fp16", "paper: int8 (A100, D=64)", Charts.PARITY),
        Charts.speedupVsN(java.util.Map.of("", peerOnly), 64, false).getSeriesMap().keySet(),
        why("without our fp16"));
  }

  @Test
  void otherGpusGetNone() {
    for (String gpu :
        List.of("NVIDIA A100-SXM4-80GB", "NVIDIA H100 PCIe", "NVIDIA H200 NVL", "NVIDIA L40S")) {
      XYChart c = Charts.tflopsVsN(run(gpu), 64, false, WGMMA);
      assertEquals(0, ceilings(c), why(gpu));
      assertTrue(c.getSeriesMap().containsKey("fp16"), why(gpu));
    }
    assertFalse(Charts.ceilingsApply("NVIDIA GeForce RTX 4090"));
  }

  @Test
  void theNAxisIsLabelledAtPowersOfTwo() {
    assertEquals("1k", Charts.powerOfTwoLabel(10));
    assertEquals("16k", Charts.powerOfTwoLabel(14.0000000001));
    assertEquals("256", Charts.powerOfTwoLabel(8));
    assertEquals("", Charts.powerOfTwoLabel(10.5));
    assertEquals("", Charts.powerOfTwoLabel(Math.log(1000) / Math.log(2)));
  }

  @Test
  void theNAxisSpansWholePowersOfTwoAroundTheData() {
    int lo = 1 + rnd.nextInt(20, 1000);
    int hi = lo + rnd.nextInt(1, 5000);
    List<LatencyRow> rows = new ArrayList<>();
    for (int n : List.of(lo, hi)) {
      rows.add(ClaimsEvaluatorTest.timing("fp16", n, rnd.nextDouble(0.5, 40), 1900, "NVIDIA H200"));
    }
    XYChart c = Charts.tflopsVsN(rows, 64, false, WGMMA);
    double[] x = c.getSeriesMap().get("fp16").getXData();
    assertEquals(Math.log(lo) / Math.log(2), x[0], 1e-12, why("N=" + lo));
    double min = c.getStyler().getXAxisMin(), max = c.getStyler().getXAxisMax();
    assertEquals(Math.floor(x[0]), min, 0, why("axis from the power of two at or below N=" + lo));
    assertTrue(
        max >= x[1] && max == Math.rint(max) && max > min,
        why("axis to a power of two at or above N=" + hi + ", not " + max));
    assertFalse(Charts.powerOfTwoLabel(max).isEmpty(), why("label at " + max));
  }

  @Test
  void aComparisonWithAnotherGpuGetsNone() {
    List<LatencyRow> rows = new ArrayList<>(run("NVIDIA H200"));
    rows.addAll(
        run("NVIDIA A100-SXM4-80GB").stream()
            .map(r -> r.withMethod("a100 " + r.method()))
            .toList());
    assertEquals(0, ceilings(Charts.tflopsVsN(rows, 64, false, WGMMA)), why("ceilings"));
  }

  @Test
  void anExactResultIsLeftOffTheLogAxisAndTheChartStillDraws(@TempDir Path tmp) {
    List<AccuracyRow> rows = new ArrayList<>();
    for (int n : List.of(1, 64, 1024)) {
      double mre = n == 1 ? 0 : rnd.nextDouble(1e-5, 1e-3);
      rows.add(
          new AccuracyRow(
              "fp16",
              "normal",
              1,
              1,
              n,
              64,
              false,
              Math.min(n, 16),
              1,
              new ErrorStats(mre, mre, mre, mre, mre, 1),
              "cpu-emulation"));
    }
    XYChart c = Charts.mreVsN(rows, "normal", "cpu-emulation");

    double[] x = c.getSeriesMap().get("fp16").getXData();
    assertArrayEquals(new double[] {6, 10}, x, 1e-12, why(rows));
    Charts.save(c, ResultFolder.open(tmp, true), "mre");
    assertTrue(Files.exists(tmp.resolve("mre.png")), why("mre.png"));
  }

  /**
   * A method is drawn alike in every chart, whatever else the chart holds (XChart colours series by
   * the order they are added: int8 was red on one chart and yellow on the next), and in a
   * comparison each run keeps the method's colour and takes a line pattern of its own.
   */
  @Test
  void aMethodHasOneColourAndMarkerInEveryChartAndEachRunItsOwnLine() {
    List<LatencyRow> one = new ArrayList<>(run("NVIDIA H200"));
    for (int n : List.of(4096, 16384)) {
      one.add(ClaimsEvaluatorTest.timing("torch-cudnn", n, rnd.nextDouble(0.5, 40)));
    }
    List<XYChart> charts =
        List.of(
            Charts.latencyVsN(one, 64, false, "kernel"),
            Charts.speedupVsN(java.util.Map.of("", one), 64, false),
            Charts.tflopsVsN(one, 64, false, WGMMA));
    for (XYChart c : charts) {
      var int8 = c.getSeriesMap().get("int8");
      assertEquals(SeriesStyles.of("int8").color(), int8.getLineColor(), why(c.getTitle()));
      assertEquals(SeriesStyles.of("int8").color(), int8.getMarkerColor(), why(c.getTitle()));
      assertEquals(SeriesStyles.of("int8").marker(), int8.getMarker(), why(c.getTitle()));
      assertEquals(
          SeriesStyles.of("torch-cudnn").color(),
          c.getSeriesMap().get("torch-cudnn").getLineColor(),
          why(c.getTitle()));
    }
    // The paper's speedup is drawn in int8's colour, dashed: not as a line of ours.
    var paper = charts.get(1).getSeriesMap().get("paper: int8 (A100, D=64)");
    assertEquals(SeriesStyles.of("int8").color(), paper.getLineColor(), why("paper's colour"));
    assertTrue(paper.getLineStyle().getDashArray() != null, why("paper dashed"));
    assertEquals(
        null,
        charts.get(1).getSeriesMap().get("int8").getLineStyle().getDashArray(),
        why("int8 solid"));

    List<LatencyRow> two = new ArrayList<>();
    run("NVIDIA H200").forEach(r -> two.add(r.withMethod("NVIDIA H200: " + r.method())));
    run("NVIDIA H100 80GB HBM3").forEach(r -> two.add(r.withMethod("H100: x: " + r.method())));
    XYChart c = Charts.tflopsVsN(two, 64, false, WGMMA);
    var a = c.getSeriesMap().get("NVIDIA H200: int8");
    var b = c.getSeriesMap().get("H100: x: int8");
    assertEquals(SeriesStyles.of("int8").color(), a.getLineColor(), why("first run's int8"));
    assertEquals(SeriesStyles.of("int8").color(), b.getLineColor(), why("second run's int8"));
    assertEquals(null, a.getLineStyle().getDashArray(), why("the first run is drawn solid"));
    assertFalse(
        java.util.Arrays.equals(
            paper.getLineStyle().getDashArray(), b.getLineStyle().getDashArray()),
        why("the second run's pattern is not the paper's"));
    assertEquals(
        c.getSeriesMap().get("H100: x: fp16").getLineStyle(),
        b.getLineStyle(),
        why("one run, one pattern"));
  }

  /**
   * In a comparison the MRE-reduction chart draws each run's int8 and int8-plus against that run's
   * fp8 (it drew the paper's lines alone, looking for methods named "int8" among "run: int8"), as
   * the ratio of their errors.
   */
  @Test
  void theMreReductionChartOfAComparisonDrawsEveryRun() {
    List<AccuracyRow> rows = new ArrayList<>();
    java.util.Map<String, Double> want = new java.util.HashMap<>();
    for (String run : List.of("NVIDIA H200: ", "NVIDIA H100 80GB HBM3: ")) {
      for (AccuracyRow r :
          AccuracyRowGrid.of(List.of("normal", "uniform"), List.of("fp8", "int8", "int8-plus"))) {
        double mre = rnd.nextDouble(1e-4, 1e-1);
        rows.add(
            r.withMethod(run + r.method()).withError(new ErrorStats(mre, mre, mre, mre, mre, 1)));
        want.put(run + r.method() + "," + r.distribution() + "," + r.seqLen(), mre);
      }
    }
    XYChart c = Charts.mreReductionVsN(rows, "cpu-emulation");
    for (String run : List.of("NVIDIA H200: ", "NVIDIA H100 80GB HBM3: ")) {
      for (String dist : List.of("normal", "uniform")) {
        for (String m : List.of("int8", "int8-plus")) {
          var s = c.getSeriesMap().get(run + m + ", " + dist);
          double[] y = new double[2];
          for (int i = 0; i < 2; i++) {
            int n = 1024 << i;
            y[i] =
                want.get(run + m + "," + dist + "," + n) / want.get(run + "fp8," + dist + "," + n);
          }
          assertArrayEquals(y, s.getYData(), 1e-9, why(run + m + ", " + dist));
          assertEquals(SeriesStyles.of(m).color(), s.getLineColor(), why(run + m + ", " + dist));
        }
      }
    }
    // The claims as ratios: 46% and 82% smaller are 0.54 and 0.18 of fp8's error.
    assertArrayEquals(
        new double[] {0.54, 0.54},
        c.getSeriesMap().get("paper: int8, normal").getYData(),
        1e-12,
        why("paper: int8, normal"));
    assertArrayEquals(
        new double[] {0.18, 0.18},
        c.getSeriesMap().get("paper: int8, uniform").getYData(),
        1e-12,
        why("paper: int8, uniform"));
  }

  /**
   * Without fp8 (the ablation config) there is nothing to hold the claims against: the chart is
   * left empty (and so not drawn) rather than drawn with the paper's lines alone. With it, the log
   * axis spans whole decades around 1, so that it carries labels whatever the ratios.
   */
  @Test
  void theMreReductionChartNeedsFp8AndLabelsItsAxis() {
    List<AccuracyRow> noFp8 =
        AccuracyRowGrid.of(List.of("normal", "uniform"), List.of("int8", "int8-plus"));
    assertFalse(Charts.hasData(Charts.mreReductionVsN(noFp8, "cpu-emulation")));

    double ratio = rnd.nextDouble(0.12, 0.9);
    List<AccuracyRow> rows = new ArrayList<>();
    for (AccuracyRow r : AccuracyRowGrid.of(List.of("uniform"), List.of("fp8", "int8"))) {
      double mre = r.method().equals("fp8") ? 1e-2 : 1e-2 * ratio;
      rows.add(r.withError(new ErrorStats(mre, mre, mre, mre, mre, 1)));
    }
    XYChart c = Charts.mreReductionVsN(rows, "cpu-emulation");
    assertArrayEquals(
        new double[] {ratio, ratio},
        c.getSeriesMap().get("int8, uniform").getYData(),
        1e-12,
        why("int8, uniform"));
    assertEquals(0.1, c.getStyler().getYAxisMin(), 1e-15, why("axis from, ratio " + ratio));
    assertEquals(1.0, c.getStyler().getYAxisMax(), 1e-15, why("axis to, ratio " + ratio));
  }

  /**
   * The ablation's chart: each variant's MRE over int8's at the same N, drawn where a variant ran
   * beside int8 and not for fp8 or fp16, which are no changes of int8.
   */
  @Test
  void theChangesOfInt8ChartDrawsEachVariantOverInt8() {
    List<String> methods = List.of("fp16", "fp8", "int8", "int8+qsum", "int8-plus");
    java.util.Map<String, Double> mre = new java.util.HashMap<>();
    List<AccuracyRow> rows = new ArrayList<>();
    for (AccuracyRow r : AccuracyRowGrid.of(List.of("uniform"), methods)) {
      double e = rnd.nextDouble(1e-4, 1e-1);
      mre.put(r.method() + "," + r.seqLen(), e);
      rows.add(r.withError(new ErrorStats(e, e, e, e, e, 1)));
    }
    XYChart c = Charts.changesOfInt8VsN(rows, "uniform", "cpu-emulation");
    assertEquals(
        Set.of("int8+qsum", "int8-plus", "1× (int8's error)"),
        c.getSeriesMap().keySet(),
        why("series"));
    for (String m : List.of("int8+qsum", "int8-plus")) {
      double[] want = {
        mre.get(m + ",1024") / mre.get("int8,1024"), mre.get(m + ",2048") / mre.get("int8,2048")
      };
      assertArrayEquals(want, c.getSeriesMap().get(m).getYData(), 1e-12, why(m));
    }
    List<AccuracyRow> noVariant =
        rows.stream()
            .filter(r -> !r.method().startsWith("int8+") && !r.method().startsWith("int8-"))
            .toList();
    assertFalse(
        Charts.hasData(Charts.changesOfInt8VsN(noVariant, "uniform", "cpu-emulation")),
        why("no variant"));
  }

  /** A comparison's long series names get smaller type, so that the plot keeps its width. */
  @Test
  void longLegendNamesAreSetSmaller(@TempDir Path tmp) {
    List<LatencyRow> rows = new ArrayList<>();
    String label = "CPU AMD EPYC (2026-12-02-cpu-ablation-v" + rnd.nextInt(100, 1000) + "): ";
    run("NVIDIA H200").forEach(r -> rows.add(r.withMethod(label + r.method())));
    XYChart longNames = Charts.latencyVsN(rows, 64, false, "kernel");
    XYChart plain = Charts.latencyVsN(run("NVIDIA H200"), 64, false, "kernel");
    float size = plain.getStyler().getLegendFont().getSize2D();
    Charts.save(longNames, ResultFolder.open(tmp, true), "long");
    Charts.save(plain, ResultFolder.open(tmp, true), "plain");
    assertTrue(longNames.getStyler().getLegendFont().getSize2D() < size, why(label));
    assertEquals(size, plain.getStyler().getLegendFont().getSize2D(), why("plain names"));
    assertTrue(Files.exists(tmp.resolve("long.png")), why("long.png"));
  }
}
