package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.cli.CliExitCodesTest.Result;
import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import dev.attnbench.report.AccuracyRowGrid;
import dev.attnbench.report.ClaimsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attn-bench report}: what it refuses, with exit code 2 and one line, and why. */
class ReportCommandTest {

  @TempDir Path tmp;

  /** A latency-only result folder of fp16 and int8 at a few N, timings drawn from {@code seed}. */
  Path latencyRun(String name, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<LatencyRow> rows = new ArrayList<>();
    for (int n : List.of(1024, 2048, 4096)) {
      double fp16 = 0.1 * (n / 1024.0) * (n / 1024.0) * (1 + random.nextDouble());
      for (String m : List.of("fp16", "int8")) {
        double ms = m.equals("fp16") ? fp16 : fp16 * (0.5 + random.nextDouble());
        rows.add(
            new LatencyRow(
                m, 4, 32, n, 64, false, "kernel", ms, ms, ms, 10, 300, "gpu", 1980, false));
      }
    }
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (var w = Files.newBufferedWriter(dir.resolve(LatencyCsv.FILE))) {
      LatencyCsv.write(rows, w);
    }
    return dir;
  }

  /** An accuracy-only result folder of fp8 and int8 on the emulation, for each of {@code dists}. */
  Path accuracyRun(String name, List<String> dists) throws IOException {
    List<AccuracyRow> rows = AccuracyRowGrid.of(dists, List.of("fp8", "int8"));
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (var w = Files.newBufferedWriter(dir.resolve(AccuracyCsv.FILE))) {
      AccuracyCsv.write(rows, w);
    }
    return dir;
  }

  /** The files in {@code dir}'s charts/, sorted. */
  static List<String> charts(Path dir) throws IOException {
    try (var files = Files.list(dir.resolve("charts"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  static void assertRefused(Result r, String message) {
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertEquals(1, r.err().lines().count(), "one line: " + r.err());
  }

  /**
   * The ablation's table: each int8 variant's MRE reduction against int8 at the same point, from an
   * emulation run on fresh inputs; a run without variants has no such table.
   */
  @Test
  void aRunWithInt8VariantsSaysWhatEachChangeBuysOverInt8() throws IOException {
    Path run = tmp.resolve("ablation");
    Result ran =
        CliExitCodesTest.run(
            "accuracy",
            "--method",
            "fp8,int8,int8+qsum,int8-plus",
            "--dist",
            "uniform",
            "--seq-len",
            "256,512",
            "--rows",
            "16",
            "--seed",
            String.valueOf(new SplittableRandom().nextInt(1 << 20)),
            "--out",
            run.toString());
    assertEquals(0, ran.code(), ran.err());
    assertEquals(0, CliExitCodesTest.run("report", run.toString()).code());
    List<AccuracyRow> rows = AccuracyCsv.read(run.resolve(AccuracyCsv.FILE));
    List<String> report = Files.readAllLines(run.resolve("REPORT.md"));
    int table =
        report.indexOf(
            "## What each change of int8 buys: MRE reduction against int8 at the same point");
    assertTrue(table > 0, String.join("\n", report));
    int header =
        table + report.subList(table, report.size()).indexOf("| N | int8+qsum | int8-plus |");
    assertTrue(header > table, String.join("\n", report));
    for (int i = 0; i < 2; i++) {
      int n = 256 << i;
      double int8 = mre(rows, "int8", n);
      assertEquals(
          "| "
              + n
              + " | "
              + pct(1 - mre(rows, "int8+qsum", n) / int8)
              + " | "
              + pct(1 - mre(rows, "int8-plus", n) / int8)
              + " |",
          report.get(header + 2 + i));
    }

    Path plain = accuracyRun("plain", List.of("uniform"));
    assertEquals(0, CliExitCodesTest.run("report", plain.toString()).code());
    assertFalse(Files.readString(plain.resolve("REPORT.md")).contains("What each change"));
  }

  private static double mre(List<AccuracyRow> rows, String method, int n) {
    return rows.stream()
        .filter(r -> r.method().equals(method) && r.seqLen() == n)
        .findFirst()
        .orElseThrow()
        .error()
        .mre();
  }

  private static String pct(double x) {
    long p = Math.round(100 * x);
    return p > 0 ? "+" + p + "%" : p + "%";
  }

  /**
   * An interrupted run's folder (accuracy.csv.partial, run.json status interrupted) was said to
   * hold neither CSV: it is named an interrupted run, with how to finish it.
   */
  @Test
  void anInterruptedRunIsNamedWithHowToFinishIt() throws IOException {
    Path run = accuracyRun("run", List.of("uniform"));
    Files.move(run.resolve(AccuracyCsv.FILE), run.resolve(AccuracyCsv.FILE + ".partial"));
    Files.writeString(
        run.resolve("run.json"), "{\"command\": \"accuracy\", \"status\": \"interrupted\"}");

    assertRefused(
        CliExitCodesTest.run("report", run.toString()),
        "result folder '"
            + run
            + "' is an interrupted run of 'accuracy' (accuracy.csv.partial holds the rows it"
            + " finished): finish it with attn-bench accuracy --resume "
            + run
            + ", then report it");
    assertFalse(Files.exists(run.resolve("REPORT.md")));
  }

  /** One folder given twice, under any spelling, would be a run compared with itself. */
  @Test
  void aFolderGivenTwiceIsRefusedByItsRealPath() throws IOException {
    Path run = latencyRun("run", 1);
    Path same = run.resolve(".").resolve("..").resolve("run");
    Path out = tmp.resolve("cmp");

    assertRefused(
        CliExitCodesTest.run("report", run.toString(), same.toString(), "--out", out.toString()),
        "result folder '"
            + run.toRealPath()
            + "' is given twice (as '"
            + run
            + "' and '"
            + same
            + "')");
    assertRefused(
        CliExitCodesTest.run("report", run.toString(), run.toString(), "--out", out.toString()),
        "is given twice");
    assertFalse(Files.exists(out.resolve("REPORT.md")));
  }

  @Test
  void aFileGivenAsTheResultFolderIsSaidToBeNoFolder() throws IOException {
    Path csv = latencyRun("run", 1).resolve(LatencyCsv.FILE);

    assertRefused(
        CliExitCodesTest.run("report", csv.toString()),
        "result folder '" + csv + "' is not a folder");
    assertRefused(
        CliExitCodesTest.run("report", tmp.resolve("nope").toString()),
        "result folder '" + tmp.resolve("nope") + "' does not exist");
  }

  @Test
  void aComparisonIntoOneOfTheComparedFoldersIsRefusedAndLeavesItsOwnReport() throws IOException {
    Path a = latencyRun("a", 2);
    Path b = latencyRun("b", 3);
    assertEquals(0, CliExitCodesTest.run("report", a.toString()).code());
    assertEquals(0, CliExitCodesTest.run("report", a.toString(), "--out", a.toString()).code());
    String own = Files.readString(a.resolve("REPORT.md"));
    Path link = Files.createSymbolicLink(tmp.resolve("link-to-b"), b);

    for (String out : List.of(a.toString(), b + "/.", link.toString(), a + "/charts")) {
      Result r = CliExitCodesTest.run("report", a.toString(), b.toString(), "--out", out);
      assertRefused(r, "--out '" + out + "' is (or is inside) the result folder '");
      assertTrue(r.err().contains("choose a folder that is none of the compared ones"), r.err());
    }
    assertEquals(own, Files.readString(a.resolve("REPORT.md")), "a's own report is untouched");
    assertTrue(Files.notExists(b.resolve("REPORT.md")), "nothing written into b");

    Path cmp = tmp.resolve("cmp");
    assertEquals(
        0,
        CliExitCodesTest.run("report", a.toString(), b.toString(), "--out", cmp.toString()).code());
    String md = Files.readString(cmp.resolve("REPORT.md"));
    assertTrue(md.contains("\n## gpu (b)\n"), md);
    // Each run's tables sit one level below its section, not beside it.
    assertTrue(md.contains("\n### Latency by N"), md);
    assertFalse(md.contains("\n## Latency by N"), md);
    assertTrue(own.contains("\n## Latency by N"), own);
  }

  /** Nor into a third run's folder, whose REPORT.md would then describe the comparison. */
  @Test
  void aComparisonIntoAnotherRunsFolderIsRefused() throws IOException {
    Path a = latencyRun("a", 2);
    Path b = latencyRun("b", 3);
    Path c = latencyRun("c", 4);
    assertRefused(
        CliExitCodesTest.run("report", a.toString(), b.toString(), "--out", c.toString()),
        "--out '" + c + "' holds a run of its own");
    assertTrue(Files.notExists(c.resolve("REPORT.md")));
  }

  /**
   * One run's report into another run's folder was written, leaving that folder's CSVs beside a
   * REPORT.md about other data; into a new folder, or the run's own under another spelling, it is.
   */
  @Test
  void oneRunsReportIntoAnotherRunsFolderIsRefused() throws IOException {
    Path a = latencyRun("a", 2);
    Path c = latencyRun("c", 4);
    assertRefused(
        CliExitCodesTest.run("report", a.toString(), "--out", c.toString()),
        "--out '" + c + "' holds a run of its own: the report of '" + a + "' would replace");
    assertTrue(Files.notExists(c.resolve("REPORT.md")));
    assertTrue(Files.notExists(c.resolve(ClaimsCsv.FILE)));
    assertEquals(0, CliExitCodesTest.run("report", a.toString(), "--out", a + "/.").code());
    assertTrue(Files.exists(a.resolve("REPORT.md")));
    Path fresh = tmp.resolve("fresh");
    assertEquals(0, CliExitCodesTest.run("report", a.toString(), "--out", fresh.toString()).code());
    assertTrue(Files.exists(fresh.resolve("REPORT.md")));
  }

  /** CSVs with a header alone made a report of "not measured" rows that blamed a missing GPU. */
  @Test
  void aFolderWhoseCsvsHoldOnlyTheirHeaderIsRefused() throws IOException {
    Path dir = tmp.resolve("header-only");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(AccuracyCsv.FILE), String.join(",", AccuracyCsv.COLUMNS) + "\n");
    assertRefused(
        CliExitCodesTest.run("report", dir.toString()),
        "result folder '" + dir + "' holds no measured rows (its CSVs hold only a header)");
    assertTrue(Files.notExists(dir.resolve("REPORT.md")));
  }

  /** A negative median rendered a speedup of -1252%; now the cell is named and nothing written. */
  @Test
  void aNegativeTimingIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path dir = latencyRun("edited", 4);
    Path csv = dir.resolve(LatencyCsv.FILE);
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    String[] cells = lines.get(1).split(",");
    cells[LatencyCsv.COLUMNS.indexOf("median_ms")] = "-1";
    lines.set(1, String.join(",", cells));
    Files.write(csv, lines);

    assertRefused(
        CliExitCodesTest.run("report", dir.toString()),
        csv + ": line 2, column 'median_ms': -1 is not allowed (allowed: a finite number > 0)");
    try (var files = Files.list(dir)) {
      assertEquals(List.of(csv), files.toList(), "nothing written");
    }
  }

  /**
   * The audit's case: a latency.csv with a second row of one point (another median) rendered, and
   * the speedup table and the claims each took another of the two.
   */
  @Test
  void aSecondRowOfOnePointIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path dir = latencyRun("joined", 6);
    Path csv = dir.resolve(LatencyCsv.FILE);
    List<String> lines = new ArrayList<>(Files.readAllLines(csv));
    String int8 = lines.stream().filter(l -> l.startsWith("int8,4,32,1024,")).findFirst().get();
    String[] cells = int8.split(",");
    cells[LatencyCsv.COLUMNS.indexOf("median_ms")] = "0.001";
    lines.add(String.join(",", cells));
    Files.write(csv, lines);

    assertRefused(
        CliExitCodesTest.run("report", dir.toString()),
        csv
            + ": line "
            + lines.size()
            + " repeats the key of line "
            + (lines.indexOf(int8) + 1)
            + " (method=int8, batch=4, heads=32, seq_len=1024, head_dim=64, causal=false,"
            + " scope=kernel; allowed: one row per key)");
    try (var files = Files.list(dir)) {
      assertEquals(List.of(csv), files.toList(), "nothing written");
    }
  }

  /**
   * A report replaces the charts of the one before: a distribution gone from the data, or a run
   * left out of a comparison into the same --out, took its charts with it, not left them beside a
   * REPORT.md that no longer names them. What else is in charts/ stays.
   */
  @Test
  void aReportLeavesOnlyItsOwnChartsBehind() throws IOException {
    Path acc = accuracyRun("acc", List.of("normal", "uniform"));
    assertEquals(0, CliExitCodesTest.run("report", acc.toString()).code());
    List<String> both =
        List.of(
            "mre_normal_cpu-emulation.png",
            "mre_normal_cpu-emulation.svg",
            "mre_reduction_cpu-emulation.png",
            "mre_reduction_cpu-emulation.svg",
            "mre_uniform_cpu-emulation.png",
            "mre_uniform_cpu-emulation.svg");
    assertEquals(both, charts(acc));
    Files.writeString(acc.resolve("charts/notes.txt"), "mine");

    accuracyRun("acc", List.of("normal")); // the uniform rows gone
    assertEquals(0, CliExitCodesTest.run("report", acc.toString()).code());

    assertEquals(
        List.of(
            "mre_normal_cpu-emulation.png",
            "mre_normal_cpu-emulation.svg",
            "mre_reduction_cpu-emulation.png",
            "mre_reduction_cpu-emulation.svg",
            "notes.txt"),
        charts(acc));
    assertFalse(Files.readString(acc.resolve("REPORT.md")).contains("mre_uniform"));

    Path lat = latencyRun("lat", 7);
    Path other = latencyRun("other", 8);
    Path cmp = tmp.resolve("cmp");
    assertEquals(
        0,
        CliExitCodesTest.run("report", lat.toString(), acc.toString(), "--out", cmp.toString())
            .code());
    assertTrue(charts(cmp).contains("mre_normal_cpu-emulation.png"), charts(cmp).toString());

    assertEquals(
        0,
        CliExitCodesTest.run("report", lat.toString(), other.toString(), "--out", cmp.toString())
            .code());
    assertEquals(
        List.of(
            "latency_d64.png",
            "latency_d64.svg",
            "speedup_d64.png",
            "speedup_d64.svg",
            "tflops_d64.png",
            "tflops_d64.svg"),
        charts(cmp));
  }

  /**
   * An output that cannot be written is the user's to put right: exit 2 with the path and the
   * system's reason, not a stack-trace hint. (A read-only folder reads the same, "permission
   * denied"; these tests run as root, whom permissions do not stop, so a file stands in the way.)
   */
  @Test
  void anOutputThatCannotBeWrittenIsNamedWithTheReason() throws IOException {
    Path dir = latencyRun("copied", 5);
    Files.writeString(dir.resolve("charts"), "a file where the charts folder goes");

    assertRefused(
        CliExitCodesTest.run("report", dir.toString()),
        "attn-bench: cannot write "
            + dir.resolve("charts/latency_d64.png")
            + ": exists and is not a folder ("
            + dir.resolve("charts")
            + ")");
    assertTrue(Files.notExists(dir.resolve("REPORT.md")), "nothing written");

    Path under = dir.resolve("charts/cmp");
    assertRefused(
        CliExitCodesTest.run("report", dir.toString(), "--out", under.toString()),
        "attn-bench: output folder '" + under + "' cannot be created: Not a directory");
  }
}
