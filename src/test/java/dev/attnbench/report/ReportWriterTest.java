package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report survives a Java runtime that cannot draw its charts. */
class ReportWriterTest {

  /** What a JRE without libharfbuzz throws from XChart's BitmapEncoder (libfontmanager's load). */
  static final String NO_HARFBUZZ =
      "/opt/jre/lib/libfontmanager.so: libharfbuzz.so.0: cannot open shared object file: No such file or directory";

  @TempDir Path tmp;

  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  /** Two distributions on one backend: three charts (MRE reduction, MRE per distribution). */
  ResultSet accuracyRun() {
    List<AccuracyRow> rows =
        AccuracyRowGrid.of(List.of("uniform", "normal"), List.of("fp16", "fp8", "int8"));
    return new ResultSet(tmp, Map.of(), rows, List.of());
  }

  String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  List<String> files() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).toList();
    }
  }

  /**
   * A renderer that fails as XChart does without fonts: inside the atomic write, after the
   * temporary file is opened.
   */
  static ChartRenderer noFonts(AtomicInteger tries) {
    return (chart, folder, name) -> {
      tries.incrementAndGet();
      folder.writeBytes(
          name + ".png",
          out -> {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            throw new UnsatisfiedLinkError(NO_HARFBUZZ);
          });
    };
  }

  @Test
  void withoutFontsTheReportIsWrittenTheChartsSkippedAfterOneTryAndTheUserToldOnce()
      throws Exception {
    AtomicInteger tries = new AtomicInteger();

    List<String> charts =
        ReportWriter.write(
            List.of(accuracyRun()), ResultFolder.open(tmp, true), err, noFonts(tries));

    assertEquals(List.of(), charts);
    assertEquals(1, tries.get(), "the failure is detected once, not retried per chart");
    assertEquals(
        List.of("REPORT.md", "claims.csv"),
        files().stream().sorted().toList(),
        "no chart and no *.tmp stays behind");
    String why = "this Java runtime cannot render fonts (" + NO_HARFBUZZ + ")";
    assertEquals(
        "attn-bench: charts not drawn: "
            + why
            + "; draw them on another machine with: attn-bench report "
            + tmp
            + System.lineSeparator(),
        err());
    String report = Files.readString(tmp.resolve("REPORT.md"));
    assertTrue(report.contains("Charts were not drawn: " + why), report);
    assertTrue(report.contains("```\nattn-bench report " + tmp + "\n```"), report);
    assertFalse(report.contains("!["), "no link to a missing image: " + report);
    assertTrue(report.contains("**uniform, D=64, cpu-emulation**"), "the tables are there");
  }

  /**
   * The charts of an earlier report go before this one draws, drawn or not: a REPORT.md that says
   * the charts were not drawn has none beside it from other data (an earlier report's, or one cut
   * short that left its temporary file).
   */
  @Test
  void theChartsOfAnEarlierReportGoEvenWhenNoneCanBeDrawn() throws Exception {
    Path charts = Files.createDirectories(tmp.resolve("charts"));
    for (String stale :
        List.of("mre_gone_cuda.png", "mre_gone_cuda.svg", "latency_d64.png.tmp", "keep.txt")) {
      Files.writeString(charts.resolve(stale), "old");
    }

    ReportWriter.write(
        List.of(accuracyRun()), ResultFolder.open(tmp, true), err, noFonts(new AtomicInteger()));

    assertEquals(
        List.of("REPORT.md", "charts/keep.txt", "claims.csv"), files().stream().sorted().toList());
  }

  /**
   * A report that fails (here its second chart's write, as a full disk would) leaves the earlier
   * report whole: its charts were removed and the new ones written before REPORT.md, which then
   * failed, so new charts sat beside the old REPORT.md.
   */
  @Test
  void aReportThatFailsLeavesTheEarlierOneAsItWas() throws Exception {
    Path charts = Files.createDirectories(tmp.resolve("charts"));
    Files.writeString(charts.resolve("mre_gone_cuda.png"), "old chart");
    Files.writeString(tmp.resolve("REPORT.md"), "old report");
    AtomicInteger tries = new AtomicInteger();
    ChartRenderer secondWriteFails =
        (chart, folder, name) -> {
          if (tries.incrementAndGet() == 2) {
            throw new UncheckedIOException(
                "cannot write " + name, new IOException("No space left on device"));
          }
          Charts.save(chart, folder, name);
        };

    assertThrows(
        UncheckedIOException.class,
        () ->
            ReportWriter.write(
                List.of(accuracyRun()), ResultFolder.open(tmp, true), err, secondWriteFails));

    assertEquals(2, tries.get());
    assertEquals(
        List.of("REPORT.md", "charts/mre_gone_cuda.png"), files().stream().sorted().toList());
    assertEquals("old report", Files.readString(tmp.resolve("REPORT.md")));
    assertFalse(Files.exists(tmp.resolve(ReportWriter.STAGING)), "no staging folder left");
  }

  @Test
  void aChartFailureMidwayKeepsTheChartsDrawnAndSaysTheRestWereNot() throws Exception {
    AtomicInteger tries = new AtomicInteger();
    ChartRenderer secondFails =
        (chart, folder, name) -> {
          if (tries.incrementAndGet() == 2) throw new IllegalStateException("no series\nto draw");
          Charts.save(chart, folder, name);
        };
    Path cmp = tmp.resolve("cmp");

    List<String> charts =
        ReportWriter.write(List.of(accuracyRun()), ResultFolder.open(cmp, true), err, secondFails);

    assertEquals(List.of("charts/mre_reduction_cpu-emulation.png"), charts);
    assertEquals(2, tries.get());
    assertTrue(Files.size(cmp.resolve(charts.get(0))) > 1000);
    String report = Files.readString(cmp.resolve("REPORT.md"));
    assertTrue(
        report.contains(
            "![Error relative to fp8 (e5m2, unscaled), D=64 (cpu-emulation): below 1 is smaller]("
                + charts.get(0)
                + ")"),
        report);
    String why = "drawing them failed (IllegalStateException: no series to draw)";
    assertTrue(report.contains("The other charts were not drawn: " + why + ".\n"), report);
    // Not the runtime's fault: another machine would fail alike, so none is suggested.
    assertFalse(report.contains("Draw them"), report);
    assertEquals("attn-bench: charts not drawn: " + why + System.lineSeparator(), err());
  }

  @Test
  void withoutFontsAReportWrittenElsewhereNamesBothFoldersInTheCommandThatDrawsTheCharts()
      throws Exception {
    Path cmp = tmp.resolve("cmp");

    ReportWriter.write(
        List.of(accuracyRun()), ResultFolder.open(cmp, true), err, noFonts(new AtomicInteger()));

    String command = "attn-bench report " + tmp + " --out " + cmp;
    assertTrue(
        err().endsWith("; draw them on another machine with: " + command + System.lineSeparator()),
        err());
    String report = Files.readString(cmp.resolve("REPORT.md"));
    assertTrue(report.contains("```\n" + command + "\n```"), report);
  }

  /**
   * Data no chart can show (a negative median on a log axis; the report command refuses it when it
   * reads the CSVs, ResultValues) fails the charts with XChart's own exception, which no other
   * machine would draw either.
   */
  @Test
  void chartsFailingOnTheirDataSendNoOneToAnotherMachine() throws Exception {
    List<LatencyRow> rows = new ArrayList<>();
    for (int n : List.of(1024, 2048)) {
      rows.add(
          new LatencyRow("fp16", 4, 32, n, 64, false, "kernel", -1, 1, 1, 10, 1, "g", 1, false));
      rows.add(
          new LatencyRow("int8", 4, 32, n, 64, false, "kernel", 1, 1, 1, 10, 1, "g", 1, false));
    }
    ResultSet bad = new ResultSet(tmp, Map.of(), List.of(), rows);

    ReportWriter.write(List.of(bad), ResultFolder.open(tmp, true), err);

    assertTrue(err().startsWith("attn-bench: charts not drawn: drawing them failed ("), err());
    assertFalse(err().contains("another machine"), err());
    assertFalse(Files.readString(tmp.resolve("REPORT.md")).contains("Draw them"));
  }

  @Test
  void aCausalOnlyBenchGetsItsOwnChartsWithoutThePapersSeriesAndSaysWhyTheClaimsAreNotMeasured()
      throws Exception {
    SplittableRandom random = new SplittableRandom(41);
    List<LatencyRow> rows = new ArrayList<>();
    for (int n : List.of(4096, 16384)) {
      double fp16 = (n / 4096.0) * (n / 4096.0) * (0.5 + random.nextDouble());
      for (String m : List.of("fp16", "int8")) {
        double ms = m.equals("fp16") ? fp16 : fp16 * (0.8 + random.nextDouble() * 0.4);
        rows.add(
            new LatencyRow(m, 4, 32, n, 64, true, "kernel", ms, ms, ms, 10, 1, "gpu", 1980, false));
      }
    }
    Map<String, List<String>> series = new LinkedHashMap<>();
    ChartRenderer recorder =
        (chart, folder, name) -> series.put(name, List.copyOf(chart.getSeriesMap().keySet()));
    ResultSet causal =
        new ResultSet(
            tmp,
            Map.of(
                "measurement",
                Map.of("inputs", "uniform(-1,1) drawn on the GPU, seed 4"),
                "sweep",
                Map.of("softmaxScale", 1.3)),
            List.of(),
            rows);
    List<String> charts =
        ReportWriter.write(List.of(causal), ResultFolder.open(tmp, true), err, recorder);

    assertEquals(
        List.of(
            "charts/latency_d64_causal.png",
            "charts/speedup_d64_causal.png",
            "charts/tflops_d64_causal.png"),
        charts);
    assertEquals(
        List.of("int8", Charts.PARITY), series.get("charts/speedup_d64_causal"), "no paper series");
    String report = Files.readString(tmp.resolve("REPORT.md"));
    assertTrue(
        report.contains("this run timed int8 only causal here (the claim is non-causal)"), report);
    assertTrue(
        report.contains(
            "latency inputs uniform(-1,1) drawn on the GPU, seed 4; latency softmax scale 1.3;"
                + " folder"),
        report);
  }

  /**
   * A bench run on mma.sync compared with an accuracy run: the throughput chart holds the bench
   * run's rows alone, so it gets mma.sync's ceilings, whatever path the accuracy run recorded (its
   * emulation's, or none in a run from before the key).
   */
  @Test
  void aComparisonWithARunThatTimedNothingKeepsTheCeilingsOfTheRunThatDid() throws Exception {
    List<LatencyRow> rows = new ArrayList<>();
    for (int n : List.of(4096, 16384)) {
      for (String m : List.of("fp16", "int8")) {
        rows.add(ClaimsEvaluatorTest.timing(m, n, n / 1024.0, 1980, "NVIDIA H200"));
      }
    }
    ResultSet bench =
        new ResultSet(
            tmp.resolve("bench"),
            Map.of("gpu_name", "NVIDIA H200", "mma_path", "mma.sync"),
            List.of(),
            rows);
    for (Map<String, Object> accuracyRun :
        List.<Map<String, Object>>of(Map.of("mma_path", "wgmma"), Map.of())) {
      ResultSet accuracy =
          new ResultSet(tmp.resolve("accuracy"), accuracyRun, accuracyRun().accuracy(), List.of());
      Map<String, List<String>> series = new LinkedHashMap<>();
      ChartRenderer recorder =
          (chart, folder, name) -> series.put(name, List.copyOf(chart.getSeriesMap().keySet()));
      Path out = tmp.resolve("out" + accuracyRun.size());
      ReportWriter.write(List.of(bench, accuracy), ResultFolder.open(out, true), err, recorder);
      assertEquals(
          List.of(
              "f16 mma.sync ceiling (H200, random operands)",
              "s8 mma.sync ceiling (H200, random operands)"),
          series.get("charts/tflops_d64").stream().filter(s -> s.contains("ceiling")).toList(),
          accuracyRun.toString());
    }
  }

  @Test
  void whereJavaCanDrawEveryChartIsLinkedAndNothingIsSaid() throws Exception {
    List<String> charts =
        ReportWriter.write(List.of(accuracyRun()), ResultFolder.open(tmp, true), err);

    assertEquals(
        List.of(
            "charts/mre_reduction_cpu-emulation.png",
            "charts/mre_normal_cpu-emulation.png",
            "charts/mre_uniform_cpu-emulation.png"),
        charts);
    String report = Files.readString(tmp.resolve("REPORT.md"));
    // Each image is linked with its chart's title as the text a reader without it gets.
    for (String dist : List.of("normal", "uniform")) {
      String title = "Mean relative error vs FP64, " + dist + " activations (D=64, cpu-emulation)";
      String link = "![" + title + "](charts/mre_" + dist + "_cpu-emulation.png)";
      assertTrue(report.contains(link), report);
    }
    assertTrue(report.contains("below 1 is smaller](" + charts.get(0) + ")"), report);
    assertFalse(report.contains("not drawn"), report);
    assertEquals("", err());
  }
}
