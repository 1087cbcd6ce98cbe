package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhCsvTest {
  @TempDir Path tmp;
  private final long seed = System.nanoTime();

  private List<JmhCsv.Row> someRows() {
    Random rnd = new Random(seed);
    return List.of(
        new JmhCsv.Row(
            "dev.attnbench.jmh.KernelLaunchBenchmark.launchAndSync",
            "method=int8;n=4096;headDim=64",
            "avgt",
            1 + rnd.nextDouble(),
            rnd.nextDouble() / 10,
            "ms/op",
            1,
            5),
        // one iteration: JMH has no error estimate
        new JmhCsv.Row(
            "dev.attnbench.jmh.EmulationBenchmark.forward",
            "headDim=64;method=fp16;n=1024;rows=16",
            "avgt",
            10 + rnd.nextDouble(),
            Double.NaN,
            "ms/op",
            1,
            1));
  }

  @Test
  void whatIsWrittenReadsBackTheSame() throws Exception {
    List<JmhCsv.Row> rows = someRows();
    StringWriter w = new StringWriter();
    JmhCsv.write(rows, w);
    Path f = tmp.resolve(JmhCsv.FILE);
    Files.writeString(f, w.toString());
    assertEquals(String.join(",", JmhCsv.COLUMNS), Files.readAllLines(f).get(0));
    assertEquals(rows, JmhCsv.read(f), "seed " + seed);
  }

  @Test
  void aResultFolderWithJmhCsvGetsAJmhSectionInItsReport() throws Exception {
    List<JmhCsv.Row> rows = someRows();
    ResultSet rs = new ResultSet(tmp, Map.of(), List.of(), List.of(), rows);
    String md = MarkdownReport.render(List.of(rs), List.of(), java.util.Optional.empty());
    assertTrue(md.contains("## JMH: what a JVM caller observes"), "seed " + seed + ":\n" + md);
    assertTrue(
        md.contains("| KernelLaunchBenchmark.launchAndSync | method=int8, n=4096, headDim=64 |"),
        "seed " + seed + ":\n" + md);
    assertTrue(
        md.contains(String.format(java.util.Locale.ROOT, "%.4g", rows.get(0).score())),
        "seed " + seed + ":\n" + md);
  }

  /**
   * A CPU folder's jmh.csv (EmulationBenchmark only, no latency.csv) was told of
   * KernelLaunchBenchmark and "the latency table above": the section says only what applies.
   */
  @Test
  void theJmhSectionSpeaksOnlyOfTheBenchmarksAndTablesTheFolderHas() {
    List<JmhCsv.Row> rows = someRows();
    ResultSet cpu = new ResultSet(tmp, Map.of(), List.of(), List.of(), List.of(rows.get(1)));
    String md = MarkdownReport.render(List.of(cpu), List.of(), java.util.Optional.empty());
    assertTrue(
        md.contains("`EmulationBenchmark` is the CPU emulation's cost per forward."),
        "seed " + seed + ":\n" + md);
    assertFalse(md.contains("KernelLaunchBenchmark"), "seed " + seed + ":\n" + md);
    assertFalse(md.contains("latency table above"), "seed " + seed + ":\n" + md);

    ResultSet gpu =
        new ResultSet(
            tmp,
            Map.of(),
            List.of(),
            List.of(ClaimsEvaluatorTest.timing("int8", 4096, 1)),
            List.of(rows.get(0)));
    String gpuMd = MarkdownReport.render(List.of(gpu), List.of(), java.util.Optional.empty());
    assertTrue(
        gpuMd.contains("the latency table above is the kernel alone"),
        "seed " + seed + ":\n" + gpuMd);
    assertFalse(gpuMd.contains("EmulationBenchmark"), "seed " + seed + ":\n" + gpuMd);
  }
}
