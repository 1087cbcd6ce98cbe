package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.metrics.ErrorStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The summary printed after an accuracy sweep. */
class AccuracySummaryTest {

  private static AccuracyRow row(String method, int n, double mre) {
    return new AccuracyRow(
        method,
        "normal",
        1,
        1,
        n,
        64,
        false,
        8,
        1,
        new ErrorStats(mre, mre, mre, mre, mre, 1),
        "cpu-emulation");
  }

  private static List<String> printed(List<AccuracyRow> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AccuracySummary.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }

  /** int8-plus-smoothk's 17 characters pushed every later column out of line with its values. */
  @Test
  void everyColumnIsAsWideAsItsMethodsName() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    List<AccuracyRow> rows = new ArrayList<>();
    for (int n : List.of(64, 128)) {
      for (String m : List.of("fp16", "int8-plus-smoothk", "int8+smoothk", "int8")) {
        rows.add(row(m, n, random.nextDouble(1e-4, 1)));
      }
    }
    List<String> lines = printed(rows).subList(1, 4); // header, then one line per N
    String header = lines.get(0);
    for (String line : lines.subList(1, 3)) {
      assertEquals(header.length(), line.length(), "seed " + seed + ":\n" + header + "\n" + line);
      // Each value ends where its method's name ends.
      for (String m : List.of("fp16", "int8-plus-smoothk", "int8+smoothk", "int8")) {
        int end = (header + " ").indexOf(" " + m + " ") + 1 + m.length();
        assertTrue(
            line.charAt(end - 1) != ' ' && (end == line.length() || line.charAt(end) == ' '),
            "seed " + seed + ": " + m + "\n" + header + "\n" + line);
      }
    }
  }

  /** A reduction that rounds to zero printed as "-0%", read as int8 slightly worse than fp8. */
  @Test
  void aReductionThatRoundsToZeroHasNoSign() {
    long seed = System.nanoTime();
    double mre = new SplittableRandom(seed).nextDouble(1e-3, 1);
    List<String> lines = printed(List.of(row("fp8", 64, mre), row("int8", 64, mre * (1 + 1e-4))));
    assertTrue(
        lines.get(2).contains("|         0%        0%"), "seed " + seed + ": " + lines.get(2));
    assertEquals("0%", AccuracySummary.pct(-0.004));
    assertEquals("-1%", AccuracySummary.pct(-0.006));
  }
}
