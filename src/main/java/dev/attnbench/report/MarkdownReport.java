package dev.attnbench.report;

import dev.attnbench.bench.LatencyRow;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** REPORT.md: the claims table, the conditions that move it, the per-N tables and the charts. */
public final class MarkdownReport {
  private MarkdownReport() {}

  /**
   * @param sets one result set, or several to compare side by side
   * @param charts the charts drawn (PNG files relative to the report, and titles), in display order
   * @param notDrawn present when the charts, or the last of them, could not be drawn
   */
  static String render(
      List<ResultSet> sets, List<ChartDrawing.Drawn> charts, Optional<ChartsNotDrawn> notDrawn) {
    StringBuilder md = new StringBuilder();
    md.append("# INT-FlashAttention, tested\n\n");
    md.append(
            "The paper (arXiv 2409.16997) claims INT8 FlashAttention is up to 72% faster than FP16 FlashAttention ")
        .append(
            "and has 82% (uniform) / 46% (normal activations) smaller error than FP8 FlashAttention. ")
        .append("This report holds those claims against what we measured.\n\n");
    List<String> labels = ResultSet.labels(sets);
    for (int i = 0; i < sets.size(); i++) {
      md.append("- **").append(labels.get(i)).append("**: ");
      md.append(describeRun(sets.get(i))).append('\n');
    }
    md.append("\n## Claims\n\n").append(ClaimsEvaluator.rule()).append("\n\n");
    claimsTable(md, sets, labels, true);
    md.append("\n## Conditions that move the verdict\n\n");
    claimsTable(md, sets, labels, false);
    for (int i = 0; i < sets.size(); i++) {
      ResultSet rs = sets.get(i);
      // A comparison gives each run a section, its tables one level below it.
      if (sets.size() > 1) md.append("\n## ").append(labels.get(i)).append('\n');
      String h = sets.size() > 1 ? "###" : "##";
      accuracyTables(md, h, rs.accuracy());
      changesOfInt8Tables(md, h, rs.accuracy());
      latencyTables(md, h, rs);
      jmhTable(md, h, rs.jmh(), !rs.latency().isEmpty());
    }
    if (!charts.isEmpty() || notDrawn.isPresent()) {
      md.append("\n## Charts\n\n");
      for (ChartDrawing.Drawn c : charts) {
        md.append("![").append(c.title()).append("](").append(c.file()).append(")\n\n");
      }
      notDrawn.ifPresent(n -> notDrawnNote(md, n, charts.isEmpty()));
    }
    return md.toString();
  }

  private static void notDrawnNote(StringBuilder md, ChartsNotDrawn n, boolean none) {
    md.append(none ? "Charts were not drawn: " : "The other charts were not drawn: ")
        .append(n.why())
        .append('.');
    n.redraw()
        .ifPresentOrElse(
            cmd ->
                md.append(" Draw them from the CSVs, on a machine where Java can, with:\n\n```\n")
                    .append(cmd)
                    .append("\n```\n"),
            () -> md.append('\n'));
  }

  private static String describeRun(ResultSet rs) {
    Map<String, Object> run = rs.run();
    StringBuilder s = new StringBuilder();
    for (String key :
        List.of(
            "start",
            "gpu_name",
            "sm_clock_mhz",
            "driver_version",
            "cuda_version",
            "cpu",
            "tool_version",
            "git_commit",
            "config_file")) {
      Object v = run.get(key);
      // A run without a GPU is labelled by its CPU already.
      boolean inLabel = key.equals("cpu") && rs.label().equals("CPU " + v);
      if (key.equals("start") && v != null) v = toSeconds(v.toString());
      if (v != null && !inLabel) s.append(key).append(' ').append(v).append("; ");
      if (key.equals("gpu_name")) s.append(gpuFacts(run));
    }
    // Its rows span more than one process: the start above is the first one's (ResumedRun).
    if (run.get("resumed") instanceof List<?> resumed && !resumed.isEmpty()) {
      s.append("interrupted and resumed ")
          .append(resumed.size() == 1 ? "once" : resumed.size() + " times")
          .append("; ");
    }
    // What the timed kernels computed on, and at which softmax scale: conditions of every latency
    // figure (LatencyInputs, LatencyBench.Point).
    if (run.get("measurement") instanceof Map<?, ?> m && m.get("inputs") != null) {
      s.append("latency inputs ").append(m.get("inputs")).append("; ");
    }
    rs.latencySoftmaxScale()
        .ifPresent(x -> s.append("latency softmax scale ").append(x).append("; "));
    s.append("folder `").append(rs.dir().getFileName()).append('`');
    return s.toString();
  }

  /** An instant as run.json writes it (to the nanosecond), to the second; other text as it is. */
  private static String toSeconds(String instant) {
    try {
      return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException notAnInstant) {
      return instant;
    }
  }

  /**
   * The driver and the clock that run.json keeps under "gpu" (LatencyRunFacts.gpu), where it has
   * them: a report pasted elsewhere names what the timings ran on.
   */
  private static String gpuFacts(Map<String, Object> run) {
    if (!(run.get("gpu") instanceof Map<?, ?> gpu)) return "";
    StringBuilder s = new StringBuilder();
    Object driver = gpu.get("driver_version");
    Object cuda = gpu.get("driver_cuda_version");
    if (driver != null || cuda != null) {
      s.append("driver");
      if (driver != null) s.append(' ').append(driver);
      if (cuda != null) s.append(driver != null ? " (CUDA " + cuda + ")" : " CUDA " + cuda);
      s.append("; ");
    }
    Object clock = gpu.get("sm_clock_mhz_reference");
    if (clock != null) s.append("reference SM clock ").append(clock).append(" MHz; ");
    return s.toString();
  }

  private static void claimsTable(
      StringBuilder md, List<ResultSet> sets, List<String> labels, boolean headline) {
    List<List<Claim>> perSet = UnmeasuredRows.folded(ClaimsEvaluator.perRun(sets, headline));
    md.append("| claim | setting | paper |");
    for (String label : labels)
      md.append(sets.size() > 1 ? " ours: " + label + " | verdict |" : " ours | verdict |");
    md.append(" note |\n|---|---|---|");
    md.append("---|---|".repeat(sets.size())).append("---|\n");
    for (int i = 0; i < perSet.get(0).size(); i++) {
      Claim c = perSet.get(0).get(i);
      md.append("| ")
          .append(c.claim())
          .append(" | ")
          .append(c.setting())
          .append(" | ")
          .append(c.paper())
          .append(" |");
      List<String> notes = new ArrayList<>();
      for (List<Claim> claims : perSet) {
        Claim ci = claims.get(i);
        md.append(' ').append(ci.ours());
        // The setting column is the first run's; a run measured otherwise (its accuracy on the
        // CPU emulation where the first has the kernels') says so in its own cell.
        if (!ci.setting().equals(c.setting())) {
          md.append(" (").append(ci.setting()).append(')');
        }
        md.append(" | ").append(ci.verdict()).append(" |");
        notes.add(ci.note());
      }
      md.append(' ').append(joinedNotes(notes, labels)).append(" |\n");
    }
  }

  /**
   * One note when the runs agree on it; else each run's, named by its label in bold, so that a
   * reader of a comparison knows which run a note is about. A run's own note joins its parts with
   * semicolons too (the medians, the clocks, the softmax scale): without the bold label a reader
   * took the last run's scale part for every run's.
   */
  static String joinedNotes(List<String> notes, List<String> labels) {
    if (notes.stream().distinct().count() == 1) return notes.get(0);
    List<String> named = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      if (!notes.get(i).isEmpty()) named.add("**" + labels.get(i) + "**: " + notes.get(i));
    }
    return String.join("; ", named);
  }

  private static String accuracyGroup(AccuracyRow r) {
    return r.distribution()
        + ", D="
        + r.headDim()
        + (r.causal() ? ", causal" : "")
        + ", "
        + r.backend();
  }

  private static void accuracyTables(StringBuilder md, String h, List<AccuracyRow> rows) {
    if (rows.isEmpty()) return;
    md.append("\n" + h + " Error by N: MRE against FP64, over all evaluated elements\n");
    methodByNTables(
        md,
        rows,
        MarkdownReport::accuracyGroup,
        AccuracyRow::method,
        AccuracyRow::seqLen,
        // An empty mre cell (allowed: a measurement may be empty) shows as the tables' "-".
        r ->
            Double.isNaN(r.error().mre())
                ? "-"
                : String.format(Locale.ROOT, "%.3e", r.error().mre()));
  }

  /**
   * The ablation's answer (configs/ablation.yaml): each int8 variant's MRE reduction against the
   * paper's int8 at the same point, so that what a change buys reads off one table instead of two
   * columns of the error table. Shown when a run has int8 and at least one of its variants.
   */
  private static void changesOfInt8Tables(StringBuilder md, String h, List<AccuracyRow> rows) {
    Map<String, AccuracyRow> int8 = new TreeMap<>();
    List<AccuracyRow> variants = new ArrayList<>();
    for (AccuracyRow r : rows) {
      if (r.method().equals("int8")) int8.put(pointOf(r), r);
      else if (isChangeOfInt8(r.method())) variants.add(r);
    }
    variants.removeIf(r -> !int8.containsKey(pointOf(r)));
    if (variants.isEmpty()) return;
    md.append(
            "\n"
                + h
                + " What each change of int8 buys: MRE reduction against int8 at the same point\n")
        .append("\nPositive: a smaller error than the paper's int8 (same inputs, same N).\n");
    methodByNTables(
        md,
        variants,
        MarkdownReport::accuracyGroup,
        AccuracyRow::method,
        AccuracyRow::seqLen,
        r -> {
          double base = int8.get(pointOf(r)).error().mre();
          double mre = r.error().mre();
          return Double.isFinite(base) && Double.isFinite(mre) && base > 0
              ? ClaimsEvaluator.pct(1 - mre / base)
              : "-";
        });
  }

  /** int8-plus, int8-plus-smoothk and the one-change ablations int8+u8p, int8+qsum, …. */
  /** Whether {@code method} is int8 with one or more of int8-plus's changes (the ablations). */
  static boolean isChangeOfInt8(String method) {
    return method.startsWith("int8+") || method.startsWith("int8-plus");
  }

  private static String pointOf(AccuracyRow r) {
    return accuracyGroup(r) + "|" + r.seqLen();
  }

  private static void latencyTables(StringBuilder md, String h, ResultSet rs) {
    List<LatencyRow> rows = rs.latency();
    if (rows.isEmpty()) {
      md.append("\n" + h + " Latency\n\nNot measured: ").append(rs.whyNoLatency()).append(".\n");
      return;
    }
    md.append("\n" + h + " Latency by N: median ms (TFLOP/s), B=")
        .append(rows.get(0).batch())
        .append(", H=")
        .append(rows.get(0).heads())
        .append('\n');
    methodByNTables(
        md,
        rows,
        MarkdownReport::latencyGroup,
        LatencyRow::method,
        LatencyRow::seqLen,
        r ->
            String.format(
                Locale.ROOT,
                "%.3f (%.0f)%s",
                r.medianMs(),
                r.tflops(),
                r.throttled() ? " ⚠throttled" : ""));
    speedupTables(md, h, rows);
  }

  /**
   * The latency tables again as speedups over our fp16 at the same point (its median over each
   * method's, both from this run), so that the ratio the claims are about reads off a table at
   * every N and D, where the claims table gives it at the paper's points only.
   */
  private static void speedupTables(StringBuilder md, String h, List<LatencyRow> rows) {
    Map<String, LatencyRow> fp16 = new TreeMap<>();
    for (LatencyRow r : rows) {
      if (r.method().equals("fp16")) fp16.putIfAbsent(latencyPoint(r), r);
    }
    List<LatencyRow> others =
        rows.stream()
            .filter(r -> !r.method().equals("fp16") && fp16.containsKey(latencyPoint(r)))
            .toList();
    if (others.isEmpty()) return;
    md.append("\n" + h + " Speedup over fp16 by N: fp16's median time over each method's\n")
        .append("\nAbove 1×: faster than our fp16 kernel at the same point.\n");
    methodByNTables(
        md,
        others,
        MarkdownReport::latencyGroup,
        LatencyRow::method,
        LatencyRow::seqLen,
        r ->
            String.format(
                Locale.ROOT, "%.2f×", fp16.get(latencyPoint(r)).medianMs() / r.medianMs()));
  }

  private static String latencyGroup(LatencyRow r) {
    return "D=" + r.headDim() + (r.causal() ? ", causal" : "") + ", " + r.scope();
  }

  /** A latency point: the table's group, B, H and N. */
  private static String latencyPoint(LatencyRow r) {
    return latencyGroup(r) + "|" + r.batch() + "|" + r.heads() + "|" + r.seqLen();
  }

  /** The JMH view (jmh.csv), when the folder has one, and why it differs from the latency table. */
  private static void jmhTable(
      StringBuilder md, String h, List<JmhCsv.Row> rows, boolean latencyTable) {
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n" + h + " JMH: what a JVM caller observes\n\n");
    // Each sentence only where the folder has what it speaks of: a CPU folder's jmh.csv holds
    // EmulationBenchmark rows alone, and no latency table to hold a kernel launch against.
    String intro = jmhIntro(rows, latencyTable);
    if (!intro.isEmpty()) md.append(intro).append("\n\n");
    md.append(
        "| benchmark | params | mode | score | ± error | unit |\n|---|---|---|---|---|---|\n");
    for (JmhCsv.Row r : rows) {
      String name =
          r.benchmark()
              .substring(r.benchmark().lastIndexOf('.', r.benchmark().lastIndexOf('.') - 1) + 1);
      md.append("| ")
          .append(name)
          .append(" | ")
          .append(r.params().replace(";", ", "))
          .append(" | ")
          .append(r.mode())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.4g", r.score()))
          .append(" | ")
          .append(
              Double.isNaN(r.scoreError())
                  ? "-"
                  : String.format(Locale.ROOT, "%.2g", r.scoreError()))
          .append(" | ")
          .append(r.unit())
          .append(" |\n");
    }
  }

  /** What the JMH rows measure, one sentence per benchmark class present in them. */
  private static String jmhIntro(List<JmhCsv.Row> rows, boolean latencyTable) {
    List<String> sentences = new ArrayList<>();
    if (hasBenchmark(rows, "KernelLaunchBenchmark")) {
      sentences.add(
          "`KernelLaunchBenchmark` times one kernel launch plus `cuCtxSynchronize` as a Java"
              + " caller waits for it, on a warm L2"
              + (latencyTable
                  ? "; the latency table above is the kernel alone between CUDA events, on a"
                      + " cold L2. At small N the launch and synchronisation overhead shows in the"
                      + " first, and the warm L2 flatters it."
                  : "."));
    }
    if (hasBenchmark(rows, "EmulationBenchmark")) {
      sentences.add("`EmulationBenchmark` is the CPU emulation's cost per forward.");
    }
    return String.join(" ", sentences);
  }

  /** Whether any row is a method of the benchmark class {@code simpleName}. */
  private static boolean hasBenchmark(List<JmhCsv.Row> rows, String simpleName) {
    return rows.stream().anyMatch(r -> r.benchmark().contains("." + simpleName + "."));
  }

  /** One Markdown table per group: a row per N, a column per method, {@code cell} in each. */
  private static <R> void methodByNTables(
      StringBuilder md,
      List<R> rows,
      Function<R, String> group,
      Function<R, String> method,
      ToIntFunction<R> seqLen,
      Function<R, String> cell) {
    Map<String, List<R>> groups =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    group, () -> new TreeMap<>(MarkdownReport::byNumbers), Collectors.toList()));
    groups.forEach(
        (name, rs) -> {
          List<String> methods = rs.stream().map(method).distinct().toList();
          md.append("\n**").append(name).append("**\n\n| N |");
          methods.forEach(m -> md.append(' ').append(m).append(" |"));
          md.append("\n|---|").append("---|".repeat(methods.size())).append('\n');
          new TreeSet<>(rs.stream().map(seqLen::applyAsInt).toList())
              .forEach(
                  n -> {
                    md.append("| ").append(n).append(" |");
                    for (String m : methods) {
                      md.append(' ')
                          .append(
                              rs.stream()
                                  .filter(
                                      r -> seqLen.applyAsInt(r) == n && method.apply(r).equals(m))
                                  .findFirst()
                                  .map(cell)
                                  .orElse("-"))
                          .append(" |");
                    }
                    md.append('\n');
                  });
        });
  }

  /**
   * Table titles in the order a reader expects: numbers by value, so "D=64" comes before "D=128"
   * (as text it sorted after it, and the paper's D came second).
   */
  static int byNumbers(String a, String b) {
    Matcher x = CHUNK.matcher(a), y = CHUNK.matcher(b);
    while (x.find() && y.find()) {
      String p = x.group(), q = y.group();
      boolean digits = Character.isDigit(p.charAt(0)) && Character.isDigit(q.charAt(0));
      int c = digits ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
      if (c != 0) return c;
    }
    return a.compareTo(b);
  }

  private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");
}
