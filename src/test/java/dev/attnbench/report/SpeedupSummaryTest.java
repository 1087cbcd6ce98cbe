package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What reproduce and bench print last on a GPU: each method's speedup over fp16 by N. */
class SpeedupSummaryTest {
  final long seed = System.nanoTime();
  final SplittableRandom rnd = new SplittableRandom(seed);

  static String printed(List<LatencyRow> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SpeedupSummary.print(rows, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachNShowsFp16sMedianAndEveryMethodsSpeedupWithThePapersBeside() {
    List<LatencyRow> rows = new ArrayList<>();
    List<String> want = new ArrayList<>();
    for (int d : List.of(64, 128)) {
      for (int n : List.of(1024, 3000)) {
        double fp16 = rnd.nextDouble(0.05, 20), int8 = rnd.nextDouble(0.05, 20);
        rows.add(ClaimsEvaluatorTest.timing("fp16", n, d, fp16, 1900, "NVIDIA H200"));
        rows.add(ClaimsEvaluatorTest.timing("int8", n, d, int8, 1900, "NVIDIA H200"));
        String paper = d == 64 ? (n == 1024 ? " |       1.31x" : " |          -") : "";
        String ratio = String.format(Locale.ROOT, "%.2fx", fp16 / int8);
        want.add(String.format(Locale.ROOT, "%7d %10.3f %8s%s", n, fp16, ratio, paper));
      }
    }
    String out = printed(rows);
    for (String line : want) {
      assertTrue(out.contains(line + "\n"), "seed " + seed + ": " + line + " in\n" + out);
    }
    assertTrue(
        out.contains("kernel, D=64, non-causal, B=4, H=32, NVIDIA H200 — speedup over fp16"),
        "seed " + seed + ":\n" + out);
    assertEquals(
        1,
        out.split("paper int8", -1).length - 1,
        "seed " + seed + ": the paper's column at D=64 only");
  }

  @Test
  void withoutFp16ThereIsNothingToPrint() {
    List<LatencyRow> rows =
        List.of(ClaimsEvaluatorTest.timing("int8", 4096, rnd.nextDouble(0.05, 20)));
    assertEquals("", printed(rows), "seed " + seed);
    assertFalse(printed(List.of()).contains("speedup"));
  }
}
