package dev.attnbench.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The printed view of latency rows: one line per point. */
public final class LatencyTable {
  private LatencyTable() {}

  /** "throttled" and "wide spread" ({@link LatencyRow#wideSpread}), where they apply. */
  static String note(LatencyRow r) {
    List<String> notes = new ArrayList<>();
    if (r.throttled()) notes.add("throttled");
    if (r.wideSpread()) notes.add("wide spread");
    return String.join(", ", notes);
  }

  public static void print(List<LatencyRow> rows, PrintStream out) {
    out.printf(
        "%-17s %3s %3s %6s %4s %-6s %-10s %10s %10s %10s %5s %8s %6s %s%n",
        "method",
        "B",
        "H",
        "N",
        "D",
        "causal",
        "scope",
        "median_ms",
        "p10_ms",
        "p90_ms",
        "reps",
        "TFLOP/s",
        "MHz",
        "note");
    for (LatencyRow r : rows) {
      out.printf(
          Locale.ROOT,
          "%-17s %3d %3d %6d %4d %-6s %-10s %10.4f %10.4f %10.4f %5d %8.1f %6.0f %s%n",
          r.method(),
          r.batch(),
          r.heads(),
          r.seqLen(),
          r.headDim(),
          r.causal(),
          r.scope(),
          r.medianMs(),
          r.p10Ms(),
          r.p90Ms(),
          r.reps(),
          r.tflops(),
          r.smClockMhz(),
          note(r));
    }
  }
}
