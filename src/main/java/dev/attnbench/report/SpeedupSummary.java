package dev.attnbench.report;

import dev.attnbench.bench.LatencyRow;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The printed view of a timed run, beside AccuracySummary's: per head dim, masking and scope, our
 * fp16's median and each other method's speedup over it by N, with the paper's int8 figure where
 * the paper made one (kernel time, non-causal, D=64). What a user of {@code reproduce} on a GPU
 * reads last, without opening REPORT.md.
 */
public final class SpeedupSummary {
  private SpeedupSummary() {}

  record Group(int headDim, boolean causal, String scope, int batch, int heads, String gpu) {}

  public static void print(List<LatencyRow> rows, PrintStream out) {
    Map<Group, List<LatencyRow>> groups =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    r ->
                        new Group(
                            r.headDim(), r.causal(), r.scope(), r.batch(), r.heads(), r.gpu()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    groups.forEach((g, rs) -> printGroup(g, rs, out));
  }

  private static void printGroup(Group g, List<LatencyRow> rows, PrintStream out) {
    Map<Integer, Map<String, LatencyRow>> byN = new TreeMap<>();
    for (LatencyRow r : rows) {
      byN.computeIfAbsent(r.seqLen(), n -> new LinkedHashMap<>()).putIfAbsent(r.method(), r);
    }
    List<String> methods =
        rows.stream().map(LatencyRow::method).filter(m -> !m.equals("fp16")).distinct().toList();
    if (methods.isEmpty() || rows.stream().noneMatch(r -> r.method().equals("fp16"))) return;
    boolean paper = !g.causal() && g.scope().equals("kernel") && g.headDim() == 64;
    out.printf(
        Locale.ROOT,
        "%n%s, D=%d, %s, B=%d, H=%d, %s — speedup over fp16 (its median time over each method's)%n",
        g.scope(),
        g.headDim(),
        g.causal() ? "causal" : "non-causal",
        g.batch(),
        g.heads(),
        g.gpu());
    // A column as wide as its method's name, at least a value's 8.
    Map<String, String> cell = new LinkedHashMap<>();
    methods.forEach(m -> cell.put(m, " %" + Math.max(8, m.length()) + "s"));
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%7s %10s", "N", "fp16 ms"));
    methods.forEach(m -> head.append(String.format(Locale.ROOT, cell.get(m), m)));
    if (paper) head.append(" | paper int8");
    out.println(head);
    byN.forEach(
        (n, byMethod) -> {
          LatencyRow fp16 = byMethod.get("fp16");
          StringBuilder line =
              new StringBuilder(
                  String.format(
                      Locale.ROOT,
                      "%7d %10s",
                      n,
                      fp16 == null ? "-" : String.format(Locale.ROOT, "%.3f", fp16.medianMs())));
          for (String m : methods) {
            LatencyRow r = byMethod.get(m);
            String value =
                r == null || fp16 == null
                    ? "-"
                    : String.format(Locale.ROOT, "%.2fx", fp16.medianMs() / r.medianMs());
            line.append(String.format(Locale.ROOT, cell.get(m), value));
          }
          if (paper) {
            line.append(
                PaperClaims.speedup(n)
                    .map(s -> String.format(Locale.ROOT, " | %10.2fx", 1 + s))
                    .orElse(" |          -"));
          }
          out.println(line);
        });
  }
}
