package dev.attnbench.report;

import dev.attnbench.bench.LatencyRow;
import dev.attnbench.method.MmaPath;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Writes REPORT.md and the charts of one or more result sets into a folder. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes REPORT.md and the charts, replacing the charts an earlier report left in the folder;
   * when charts cannot be drawn, REPORT.md says why and so does one line on {@code err}, with how
   * to draw them elsewhere where this Java runtime is at fault.
   *
   * @return the chart files written, relative to the folder
   */
  public static List<String> write(List<ResultSet> sets, ResultFolder out, PrintStream err) {
    return write(sets, out, err, Charts::save);
  }

  static List<String> write(
      List<ResultSet> sets, ResultFolder out, PrintStream err, ChartRenderer renderer) {
    System.setProperty("java.awt.headless", "true");
    List<LatencyRow> latency = new ArrayList<>();
    List<AccuracyRow> accuracy = new ArrayList<>();
    Map<String, List<LatencyRow>> bySet = new LinkedHashMap<>();
    List<String> labels = ResultSet.labels(sets);
    for (int i = 0; i < sets.size(); i++) {
      // Comparing runs: prefix each series with its run's name, so one chart holds all.
      ResultSet rs = sets.get(i);
      String prefix = sets.size() > 1 ? labels.get(i) + ": " : "";
      rs.latency().forEach(r -> latency.add(r.withMethod(prefix + r.method())));
      rs.accuracy().forEach(r -> accuracy.add(r.withMethod(prefix + r.method())));
      bySet.put(prefix, rs.latency());
    }
    // The ceilings drawn are one instruction path's: a comparison of runs on two gets none. Only
    // the runs that timed something count: the others draw nothing on the throughput charts (an
    // accuracy run records its emulation's path, wgmma without a GPU, or none before the key).
    List<Optional<MmaPath>> paths =
        sets.stream()
            .filter(rs -> !rs.latency().isEmpty())
            .map(ResultSet::mmaPath)
            .distinct()
            .toList();
    Optional<MmaPath> path = paths.size() == 1 ? paths.get(0) : Optional.empty();
    // The charts are drawn into a staging folder, and REPORT.md and claims.csv are made, before any
    // reaches the result folder: a report that failed after its charts had left them beside the
    // earlier REPORT.md. What is left to fail after that is the moves and two writes.
    Path staging = out.dir().resolve(STAGING);
    deleteTree(staging); // an interrupted report's
    ResultFolder stage = ResultFolder.open(staging, true);
    try {
      ChartDrawing charts = new ChartDrawing(renderer, stage, redrawCommand(sets, out));
      // Non-causal (the paper's setting) first; causal runs get their own charts, named *_causal.
      for (boolean causal : new TreeSet<>(latency.stream().map(LatencyRow::causal).toList())) {
        for (int d :
            new TreeSet<>(
                latency.stream()
                    .filter(r -> r.causal() == causal)
                    .map(LatencyRow::headDim)
                    .toList())) {
          String name = "_d" + d + (causal ? "_causal" : "");
          charts.draw(
              "charts/latency" + name, () -> Charts.latencyVsN(latency, d, causal, "kernel"));
          charts.draw("charts/speedup" + name, () -> Charts.speedupVsN(bySet, d, causal));
          charts.draw("charts/tflops" + name, () -> Charts.tflopsVsN(latency, d, causal, path));
        }
      }
      for (String backend : new TreeSet<>(accuracy.stream().map(AccuracyRow::backend).toList())) {
        charts.draw(
            "charts/mre_reduction_" + backend, () -> Charts.mreReductionVsN(accuracy, backend));
        for (String dist :
            new TreeSet<>(accuracy.stream().map(AccuracyRow::distribution).toList())) {
          charts.draw(
              "charts/mre_" + safe(dist) + "_" + backend,
              () -> Charts.mreVsN(accuracy, dist, backend));
          charts.draw(
              "charts/int8_changes_" + safe(dist) + "_" + backend,
              () -> Charts.changesOfInt8VsN(accuracy, dist, backend));
        }
      }
      Optional<ChartsNotDrawn> notDrawn = charts.notDrawn();
      String report = MarkdownReport.render(sets, charts.drawn(), notDrawn);
      List<ClaimsCsv.Row> claims = ClaimsCsv.rows(sets);
      notDrawn.ifPresent(
          n ->
              err.println(
                  "attn-bench: charts not drawn: "
                      + n.why()
                      + n.redraw()
                          .map(cmd -> "; draw them on another machine with: " + cmd)
                          .orElse("")));
      // charts/ holds this report's charts only: an earlier report's of data gone since would
      // stay beside a REPORT.md that does not mention them.
      out.discardCharts();
      moveInto(staging, out.dir());
      out.writeString("REPORT.md", report);
      out.write(ClaimsCsv.FILE, w -> ClaimsCsv.write(claims, w));
      return charts.drawn().stream().map(ChartDrawing.Drawn::file).toList();
    } finally {
      deleteTree(staging);
    }
  }

  /** The folder a report draws its charts in before they are moved into the result folder. */
  static final String STAGING = ".report-staging";

  /**
   * Moves every file under {@code from} to the same relative path under {@code to}; a file that
   * cannot go there is named as a write of it would be.
   */
  private static void moveInto(Path from, Path to) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + from + ": " + ResultFolder.reason(e), e);
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      try {
        Files.createDirectories(target.getParent());
        Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot write " + target + ": " + ResultFolder.reason(e, target), e);
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir + ": " + ResultFolder.reason(e), e);
    }
  }

  /** The {@code report} command that writes this same report, charts included. */
  private static String redrawCommand(List<ResultSet> sets, ResultFolder out) {
    StringBuilder cmd = new StringBuilder("attn-bench report");
    sets.forEach(rs -> cmd.append(' ').append(rs.dir()));
    boolean inPlace = sets.size() == 1 && sets.get(0).dir().equals(out.dir());
    if (!inPlace) cmd.append(" --out ").append(out.dir());
    return cmd.toString();
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
