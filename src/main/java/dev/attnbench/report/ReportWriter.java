package dev.attnbench.report;

import dev.attnbench.bench.LatencyRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.XYChart;

/** Writes REPORT.md and the charts of one or more result sets into a folder. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * @return the chart files written, relative to the folder
   */
  public static List<String> write(List<ResultSet> sets, ResultFolder out) {
    System.setProperty("java.awt.headless", "true");
    List<String> charts = new ArrayList<>();
    List<LatencyRow> latency = new ArrayList<>();
    List<AccuracyRow> accuracy = new ArrayList<>();
    Map<String, List<LatencyRow>> bySet = new LinkedHashMap<>();
    for (ResultSet rs : sets) {
      // Comparing GPUs: prefix each series with its machine, so one chart holds all.
      String prefix = sets.size() > 1 ? rs.label() + ": " : "";
      rs.latency().forEach(r -> latency.add(r.withMethod(prefix + r.method())));
      rs.accuracy().forEach(r -> accuracy.add(r.withMethod(prefix + r.method())));
      bySet.put(prefix, rs.latency());
    }
    for (int d : new TreeSet<>(latency.stream().map(LatencyRow::headDim).toList())) {
      add(charts, out, "charts/latency_d" + d, Charts.latencyVsN(latency, d, "kernel"));
      add(charts, out, "charts/speedup_d" + d, Charts.speedupVsN(bySet, d));
      add(charts, out, "charts/tflops_d" + d, Charts.tflopsVsN(latency, d));
    }
    for (String backend : new TreeSet<>(accuracy.stream().map(AccuracyRow::backend).toList())) {
      add(
          charts,
          out,
          "charts/mre_reduction_" + backend,
          Charts.mreReductionVsN(accuracy, backend));
      for (String dist : new TreeSet<>(accuracy.stream().map(AccuracyRow::distribution).toList())) {
        add(
            charts,
            out,
            "charts/mre_" + safe(dist) + "_" + backend,
            Charts.mreVsN(accuracy, dist, backend));
      }
    }
    out.writeString("REPORT.md", MarkdownReport.render(sets, charts));
    return charts;
  }

  private static void add(List<String> charts, ResultFolder out, String name, XYChart c) {
    if (Charts.hasData(c)) {
      Charts.save(c, out, name);
      charts.add(name + ".png");
    }
  }

  private static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
