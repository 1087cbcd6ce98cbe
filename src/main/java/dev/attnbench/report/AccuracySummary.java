package dev.attnbench.report;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The printed view of an accuracy run: per distribution, head dim, causality and backend, the MRE
 * of each method by N, and the paper's headline — the MRE reduction of {@code int8} against {@code
 * fp8} — next to the paper's figure, measured both over all elements and over the last 4 as the
 * authors' code does.
 */
public final class AccuracySummary {
  private AccuracySummary() {}

  record Group(String distribution, int headDim, boolean causal, String backend) {}

  public static void print(List<AccuracyRow> rows, PrintStream out) {
    Map<Group, List<AccuracyRow>> groups =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    r -> new Group(r.distribution(), r.headDim(), r.causal(), r.backend()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    groups.forEach((g, rs) -> printGroup(g, rs, out));
  }

  private static void printGroup(Group g, List<AccuracyRow> rows, PrintStream out) {
    List<String> methods = rows.stream().map(AccuracyRow::method).distinct().toList();
    Map<Integer, Map<String, AccuracyRow>> byN = new TreeMap<>();
    for (AccuracyRow r : rows) {
      byN.computeIfAbsent(r.seqLen(), n -> new LinkedHashMap<>()).put(r.method(), r);
    }
    boolean reduction = methods.contains("int8") && methods.contains("fp8");
    Optional<Double> paper = PaperClaims.mreReduction(g.distribution());
    out.printf(
        Locale.ROOT,
        "%n%s, D=%d, %s, %s — MRE vs FP64 over all elements%n",
        g.distribution(),
        g.headDim(),
        g.causal() ? "causal" : "non-causal",
        g.backend());
    // A column as wide as its method's name (int8-plus-smoothk is 17), at least a value's 11.
    Map<String, String> cell = new LinkedHashMap<>();
    methods.forEach(m -> cell.put(m, " %" + Math.max(11, m.length()) + "s"));
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%7s", "N"));
    methods.forEach(m -> head.append(String.format(Locale.ROOT, cell.get(m), m)));
    if (reduction) {
      head.append(" | int8 vs fp8  (last 4)  paper");
    }
    out.println(head);
    byN.forEach(
        (n, byMethod) -> {
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%7d", n));
          for (String m : methods) {
            AccuracyRow r = byMethod.get(m);
            String value =
                r == null
                    ? "-"
                    : Double.isFinite(r.error().mre())
                        ? String.format(Locale.ROOT, "%.3e", r.error().mre())
                        : "n/a";
            line.append(String.format(Locale.ROOT, cell.get(m), value));
          }
          if (reduction && byMethod.containsKey("int8") && byMethod.containsKey("fp8")) {
            double all = 1 - byMethod.get("int8").error().mre() / byMethod.get("fp8").error().mre();
            double last4 =
                1
                    - byMethod.get("int8").error().mreLast4()
                        / byMethod.get("fp8").error().mreLast4();
            line.append(
                String.format(
                    Locale.ROOT,
                    " | %10s  %8s  %5s",
                    pct(all),
                    pct(last4),
                    paper.map(AccuracySummary::pct).orElse("-")));
          }
          out.println(line);
        });
  }

  /** A reduction as a signed percentage; negative means int8 is worse than fp8. */
  static String pct(double x) {
    // The report's form: a reduction that rounds to 0 is "0%" ("-0%" read as int8 slightly worse).
    return ClaimsEvaluator.pct(x);
  }
}
