package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** REPORT.md tabulates every method's speedup over fp16 at each N and D of the run. */
class MarkdownReportSpeedupTest {
  final long seed = System.nanoTime();
  final SplittableRandom rnd = new SplittableRandom(seed);

  @Test
  void eachMethodsSpeedupOverFp16IsTabulatedAtEveryPoint() {
    List<LatencyRow> rows = new ArrayList<>();
    StringBuilder want = new StringBuilder();
    for (int d : List.of(64, 128)) {
      for (int n : List.of(1000, 4096)) {
        double fp16 = rnd.nextDouble(0.05, 20), int8 = rnd.nextDouble(0.05, 20);
        rows.add(ClaimsEvaluatorTest.timing("fp16", n, d, fp16, 1900, "gpu"));
        rows.add(ClaimsEvaluatorTest.timing("int8", n, d, int8, 1900, "gpu"));
        if (d == 128 && n == 4096) {
          want.append(String.format(Locale.ROOT, "| %d | %.2f× |", n, fp16 / int8));
        }
      }
    }
    String md =
        MarkdownReport.render(
            List.of(new ResultSet(Path.of("run"), Map.of(), List.of(), rows)),
            List.of(),
            Optional.empty());
    int table = md.indexOf("## Speedup over fp16 by N");
    assertTrue(table > 0, "seed " + seed + ":\n" + md);
    String d128 = md.substring(md.indexOf("**D=128, kernel**", table));
    assertTrue(
        d128.startsWith("**D=128, kernel**\n\n| N | int8 |\n"), "seed " + seed + ":\n" + d128);
    assertTrue(d128.contains(want), "seed " + seed + ": " + want + " in " + d128);

    // Without fp16 there is nothing to divide by: no table.
    List<LatencyRow> noFp16 = rows.stream().filter(r -> !r.method().equals("fp16")).toList();
    String none =
        MarkdownReport.render(
            List.of(new ResultSet(Path.of("run"), Map.of(), List.of(), noFp16)),
            List.of(),
            Optional.empty());
    assertFalse(none.contains("Speedup over fp16 by N"), "seed " + seed + ":\n" + none);
  }

  /** Tables come in the order of their numbers: the paper's D=64 before D=128. */
  @Test
  void tablesAreOrderedByTheirNumbers() {
    List<String> titles =
        new ArrayList<>(
            List.of("D=128, kernel", "D=64, kernel", "D=64, causal, kernel", "D=1024, end-to-end"));
    titles.sort(MarkdownReport::byNumbers);
    assertEquals(
        List.of("D=64, causal, kernel", "D=64, kernel", "D=128, kernel", "D=1024, end-to-end"),
        titles);
  }
}
