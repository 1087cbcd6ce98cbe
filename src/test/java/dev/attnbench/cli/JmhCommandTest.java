package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.backend.cuda.GpuPresence;
import dev.attnbench.jmh.EmulationBenchmark;
import dev.attnbench.jmh.KernelLaunchBenchmark;
import dev.attnbench.report.JmhCsv;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import picocli.CommandLine;

/** {@code jmh}: JMH runs through its Runner API and its JSON becomes jmh.csv. */
class JmhCommandTest {

  @TempDir Path tmp;

  record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    return run(new CommandLine(new JmhCommand()), args);
  }

  /** Through the tool's own command line, which maps bad input to exit code 2. */
  private static Result runTool(String... args) {
    return run(AttnBench.commandLine(), args);
  }

  private static Result run(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void aTinyEmulationBenchmarkRunWritesOneCsvRowPerParamCombination() throws Exception {
    Path dir = tmp.resolve("jmh");
    // In this JVM (no fork), one short iteration, at the smallest N, two methods: about a second.
    Result r =
        run(
            "--include", "EmulationBenchmark",
            "--forks", "0",
            "--warmup-iterations", "0",
            "--iterations", "1",
            "--time", "100ms",
            "-p", "method=fp16,int8",
            "-p", "n=1024",
            "--out", dir.toString());
    assertEquals(0, r.code(), r.err());

    List<String> lines = Files.readAllLines(dir.resolve(JmhCsv.FILE));
    assertEquals(String.join(",", JmhCsv.COLUMNS), lines.get(0));
    assertEquals(3, lines.size(), String.join("\n", lines));
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      assertEquals("dev.attnbench.jmh.EmulationBenchmark.forward", f[0]);
      assertEquals("avgt", f[2]);
      assertTrue(Double.parseDouble(f[3]) > 0, lines.get(i));
      assertEquals("ms/op", f[5]);
      assertEquals("0", f[6], "forks");
      assertEquals("1", f[7], "iterations");
    }
    assertEquals(
        Set.of("method=fp16", "n=1024", "rows=16", "headDim=64"),
        Set.of(lines.get(1).split(",")[1].split(";")));
    assertEquals(
        Set.of("method=int8", "n=1024", "rows=16", "headDim=64"),
        Set.of(lines.get(2).split(",")[1].split(";")));
    assertTrue(r.out().contains("EmulationBenchmark.forward"), r.out());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(JmhCsv.FILE), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void jmhJsonScoresAndANaNErrorParse() throws Exception {
    String json =
        """
        [ { "jmhVersion" : "1.37", "benchmark" : "dev.attnbench.jmh.X.run", "mode" : "avgt",
            "threads" : 1, "forks" : 2, "measurementIterations" : 5,
            "params" : { "method" : "int8-plus", "n" : "4096" },
            "primaryMetric" : { "score" : 12.5, "scoreError" : "NaN", "scoreUnit" : "ms/op" } },
          { "benchmark" : "dev.attnbench.jmh.X.run", "mode" : "avgt", "forks" : 2,
            "measurementIterations" : 5, "params" : { "method" : "fp16", "n" : "1024" },
            "primaryMetric" : { "score" : 0.75, "scoreError" : 0.01, "scoreUnit" : "ms/op" } } ]
        """;
    List<JmhCsv.Row> rows = JmhCommand.parse(json);
    assertEquals(
        new JmhCsv.Row(
            "dev.attnbench.jmh.X.run",
            "method=int8-plus;n=4096",
            "avgt",
            12.5,
            Double.NaN,
            "ms/op",
            2,
            5),
        rows.get(0));
    assertEquals(0.01, rows.get(1).scoreError());
  }

  /**
   * Without a GPU the GPU benchmark is said to be left out where --include selects it (by class or
   * by method, as JMH matches), and not where --include leaves it out anyway.
   */
  @Test
  void theGpuBenchmarkIsSaidToBeLeftOutOnlyWhereIncludeSelectsIt() {
    Assumptions.assumeFalse(GpuPresence.probe().present(), "a GPU is here: nothing is left out");
    for (String include : List.of(JmhCommand.ALL, "launchAndSync", "KernelLaunch", "Emulation")) {
      JmhCommand jmh = new JmhCommand();
      CommandLine cmd = new CommandLine(jmh);
      StringWriter err = new StringWriter();
      cmd.setErr(new PrintWriter(err));
      cmd.parseArgs("--include", include, "--out", tmp.toString());
      jmh.options();
      assertEquals(
          !include.equals("Emulation"),
          err.toString().contains("leaving out " + KernelLaunchBenchmark.NAME),
          include + ": " + err);
    }
  }

  @Test
  void anIncludeThatMatchesNothingIsBadInputAndWritesNothing() {
    Path dir = tmp.resolve("none");
    Result r =
        runTool("jmh", "--include", "NoSuchBenchmark", "--forks", "0", "--out", dir.toString());
    assertEquals(AttnBench.EXIT_BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("no benchmark matches --include 'NoSuchBenchmark'"), r.err());
    assertFalse(Files.exists(dir.resolve(JmhCsv.FILE)));
  }

  @Test
  void anIncludeThatIsNoRegularExpressionIsBadInputAndCreatesNoFolder() {
    Path dir = tmp.resolve("bad-regex");
    Result r = runTool("jmh", "--include", "Emulation[", "--out", dir.toString());
    assertEquals(AttnBench.EXIT_BAD_INPUT, r.code(), r.err());
    assertTrue(
        r.err().contains("--include 'Emulation[' is not a regular expression (Unclosed"), r.err());
    assertFalse(Files.exists(dir));
  }

  @Test
  void aNegativeForkCountIsBadInput() {
    Result r = runTool("jmh", "--forks", "-1", "--out", tmp.resolve("x").toString());
    assertEquals(AttnBench.EXIT_BAD_INPUT, r.code(), r.err());
    assertTrue(r.err().contains("--forks -1 is not allowed (must be >= 0)"), r.err());
  }

  /** A bad --out had been found only after every benchmark had run (51 s in the audit). */
  @Test
  void anOutThatIsAFileIsRefusedBeforeAnyBenchmarkRuns() throws Exception {
    Path file = Files.writeString(tmp.resolve("afile"), "mine");
    // An --include that matches nothing fails as soon as JMH starts: the --out error coming
    // instead shows that --out is judged before JMH runs.
    Result r =
        runTool("jmh", "--include", "NoSuchBenchmark", "--forks", "0", "--out", file.toString());
    assertEquals(AttnBench.EXIT_BAD_INPUT, r.code(), r.err());
    assertEquals("attn-bench: output '" + file + "' exists and is not a folder", r.err().strip());
    assertEquals("mine", Files.readString(file));
  }

  /**
   * A folder holding jmh.csv is refused in one line: the "leaving out" note about the GPU benchmark
   * had come first, for a run that was never going to start.
   */
  @Test
  void aFolderHoldingJmhCsvIsRefusedInOneLine() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("held"));
    Files.writeString(out.resolve("jmh.csv"), "mine");
    Result r = runTool("jmh", "--forks", "0", "--out", out.toString());
    assertEquals(AttnBench.EXIT_BAD_INPUT, r.code(), r.err());
    assertEquals(
        "attn-bench: output folder '" + out + "' already holds jmh.csv; use --force to overwrite",
        r.err().strip());
    assertEquals("mine", Files.readString(out.resolve("jmh.csv")));
  }

  /** JMH reads a zero time as single-shot mode, which jmh.csv would record as avgt. */
  @Test
  void aZeroIterationTimeIsBadInput() {
    Result r = runTool("jmh", "--time", "0s", "--forks", "0", "--out", tmp.resolve("x").toString());
    assertEquals(AttnBench.EXIT_BAD_INPUT, r.code(), r.err());
    assertTrue(
        r.err().startsWith("attn-bench: --time '0s' is not allowed (longer than 0"), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(Files.exists(tmp.resolve("x")));
  }

  /** The defaults --help states are the benchmarks' own annotations, for both benchmarks. */
  @Test
  void theHelpStatesTheBenchmarksOwnDefaults() {
    String help = new CommandLine(new JmhCommand()).getUsageMessage().replaceAll("\\s+", " ");
    for (Class<?> c : List.of(EmulationBenchmark.class, KernelLaunchBenchmark.class)) {
      var fork = c.getAnnotation(Fork.class);
      var warmup = c.getAnnotation(Warmup.class);
      var measurement = c.getAnnotation(Measurement.class);
      assertTrue(help.contains("(default: " + fork.value() + ", the benchmarks' own)"), help);
      assertTrue(
          help.contains("Warm-up iterations per fork (default: " + warmup.iterations()), help);
      assertTrue(
          help.contains("Measured iterations per fork (default: " + measurement.iterations()),
          help);
      assertEquals(TimeUnit.SECONDS, measurement.timeUnit());
      assertTrue(help.contains("(default: " + measurement.time() + "s)"), help);
      assertEquals(warmup.time(), measurement.time());
    }
  }
}
