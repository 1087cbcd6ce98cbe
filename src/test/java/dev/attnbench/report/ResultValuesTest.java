package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import dev.attnbench.metrics.ErrorStats;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A result CSV whose cell holds a value the tool never writes is refused, with file, line, column,
 * value and what is allowed; every value the tool does write reads back.
 */
class ResultValuesTest {
  private final long seed = System.nanoTime();
  private final SplittableRandom random = new SplittableRandom(seed);

  @TempDir Path tmp;

  ErrorStats error() {
    double mre = 1e-4 + random.nextDouble() * 1e-2;
    return new ErrorStats(mre, mre * 2, mre, mre / 3, mre * 10, 1 - mre * mre);
  }

  AccuracyRow accuracy(String method, int n) {
    return new AccuracyRow(
        method, "normal", 2, 2, n, 64, false, 256, random.nextLong(), error(), "cuda");
  }

  LatencyRow latency(String method, int n) {
    double ms = 0.05 + random.nextDouble();
    return new LatencyRow(
        method, 4, 32, n, 64, false, "kernel", ms, ms * 0.98, ms * 1.03, 10, 300, "GPU", 1980,
        false);
  }

  <T> Path write(String file, List<T> rows, BiConsumer<List<T>, Writer> writer) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    try (Writer w = Files.newBufferedWriter(dir.resolve(file))) {
      writer.accept(rows, w);
    }
    return dir;
  }

  /** Sets {@code column} of the second row (line 3) of {@code file} to {@code value}. */
  static void edit(Path file, List<String> columns, String column, String value)
      throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    String[] cells = lines.get(2).split(",", -1);
    cells[columns.indexOf(column)] = value;
    lines.set(2, String.join(",", cells));
    Files.write(file, lines);
  }

  static String refusal(Path dir) {
    return assertThrows(InvalidInputException.class, () -> ResultSet.load(dir)).getMessage();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "seq_len|-256|a whole number >= 1",
        "batch|0|a whole number >= 1",
        "head_dim|63|64, 128",
        "head_dim|256|64, 128",
        "method|fp9|fp16, fp8, fp8-e4m3,",
        "backend|tpu|cpu-emulation, cuda",
        "mre|-1|a finite number >= 0, or empty",
        "rel_l2|Infinity|a finite number >= 0, or empty",
        // Past a double's range: named as written, not as the Infinity it would read as.
        "mre|1e400|a finite number (this one is past a double's range), or empty",
        "cosine|1.5|a number from -1 to 1",
        "rows|0|a whole number >= 1",
        // Read as NaN, "NaN" would pass for the empty cell of a measurement there is none of.
        "mre|NaN|a number, or empty for none",
        "cosine|NaN|a number, or empty for none",
        "distribution|' uniform'|a name, without spaces around it",
      })
  void anAccuracyCellOutsideItsDomainIsNamedWithWhatIsAllowed(
      String column, String value, String allowed) throws IOException {
    List<AccuracyRow> rows = List.of(accuracy("fp16", 1024), accuracy("int8", 1024));
    Path dir = write(AccuracyCsv.FILE, rows, AccuracyCsv::write);
    Path file = dir.resolve(AccuracyCsv.FILE);
    edit(file, AccuracyCsv.COLUMNS, column, value);

    assertNamed(dir, AccuracyCsv.FILE, column, value, allowed);
  }

  /** The one-line refusal of {@code dir}: file, line 3, column, value, and what is allowed. */
  void assertNamed(Path dir, String file, String column, String value, String allowed) {
    String message = refusal(dir);
    String shown =
        value.isEmpty()
            ? "an empty value"
            : value.matches("-?[0-9.]+|Infinity") ? value : "'" + value + "'";
    assertTrue(
        message.startsWith(
            "result folder '"
                + dir
                + "' cannot be read: "
                + dir.resolve(file)
                + ": line 3, column '"
                + column
                + "': "
                + shown
                + " is not allowed (allowed: "),
        message + " (seed " + seed + ")");
    assertTrue(message.contains(allowed), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void headDimsOfTheEmulationAreTheAccuracySweepsAndADistributionIsWhatDistTakes()
      throws IOException {
    AccuracyRow r = accuracy("int8", 512);
    AccuracyRow emulated =
        new AccuracyRow(
            "int8", "gauss", 1, 1, 512, 48, false, 128, 1, r.error(), ResultValues.CPU_EMULATION);
    Path dir = write(AccuracyCsv.FILE, List.of(r, emulated), AccuracyCsv::write);

    assertTrue(
        refusal(dir)
            .endsWith(
                "accuracy.csv: line 3, column 'distribution': unknown distribution 'gauss'"
                    + " (allowed: normal[(mean,std)], uniform[(lo,hi)], outlier[(channels,scale)],"
                    + " kbias[(channels,bias)])"),
        refusal(dir));
    edit(dir.resolve(AccuracyCsv.FILE), AccuracyCsv.COLUMNS, "distribution", "uniform");
    edit(dir.resolve(AccuracyCsv.FILE), AccuracyCsv.COLUMNS, "head_dim", "40");
    assertTrue(
        refusal(dir)
            .endsWith(
                "column 'head_dim': 40 is not allowed (allowed: a multiple of 16 from 16 to 256)"),
        refusal(dir));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "median_ms|-1|a finite number > 0",
        "median_ms||a finite number > 0",
        "p10_ms|0|a finite number > 0",
        "p90_ms||a finite number > 0",
        "p90_ms|NaN|a number, or empty for none",
        "sm_clock_mhz|NaN|a number, or empty for none",
        "gpu|' GPU'|a name, without spaces around it",
        "tflops|-3.5|a finite number > 0",
        "reps|0|a whole number >= 1",
        "heads|-2|a whole number >= 1",
        "head_dim|96|64, 128",
        "scope|both|kernel, end-to-end",
        "method|int4|int8+smoothk, authors-int8, torch-cudnn, torch-flash, triton-fp16",
        "sm_clock_mhz|-1980|a finite number > 0, or empty",
      })
  void aLatencyCellOutsideItsDomainIsNamedWithWhatIsAllowed(
      String column, String value, String allowed) throws IOException {
    List<LatencyRow> rows = List.of(latency("fp16", 2048), latency("int8", 2048));
    Path dir = write(LatencyCsv.FILE, rows, LatencyCsv::write);
    edit(dir.resolve(LatencyCsv.FILE), LatencyCsv.COLUMNS, column, value == null ? "" : value);

    assertNamed(dir, LatencyCsv.FILE, column, value == null ? "" : value, allowed);
  }

  /**
   * The audit's case: a second int8 row of one point with another MRE. The per-N table showed the
   * first, the claims the last; now the file is refused, naming both lines and the key.
   */
  @Test
  void aSecondAccuracyRowOfOneKeyIsRefusedNamingItsLineAndTheKey() throws IOException {
    AccuracyRow first =
        new AccuracyRow("int8", "uniform", 2, 2, 1024, 64, false, 256, 42, error(), "cuda");
    AccuracyRow again =
        new AccuracyRow("int8", "uniform", 2, 2, 1024, 64, false, 256, 42, error(), "cuda");
    List<AccuracyRow> rows = List.of(first, accuracy("fp16", 1024), again);
    Path dir = write(AccuracyCsv.FILE, rows, AccuracyCsv::write);

    assertEquals(
        "result folder '"
            + dir
            + "' cannot be read: "
            + dir.resolve(AccuracyCsv.FILE)
            + ": line 4 repeats the key of line 2 (method=int8, distribution=uniform, batch=2,"
            + " heads=2, seq_len=1024, head_dim=64, causal=false, rows=256, seed=42,"
            + " backend=cuda; allowed: one row per key)",
        refusal(dir));
  }

  @Test
  void aSecondLatencyRowOfOneKeyIsRefusedNamingItsLineAndTheKey() throws IOException {
    List<LatencyRow> rows =
        List.of(latency("int8", 1024), latency("fp16", 1024), latency("int8", 1024));
    Path dir = write(LatencyCsv.FILE, rows, LatencyCsv::write);

    assertTrue(
        refusal(dir)
            .endsWith(
                dir.resolve(LatencyCsv.FILE)
                    + ": line 4 repeats the key of line 2 (method=int8, batch=4, heads=32,"
                    + " seq_len=1024, head_dim=64, causal=false, scope=kernel; allowed: one row"
                    + " per key)"),
        refusal(dir));
  }

  /**
   * Rows that differ in any one column of the key are measurements of their own: the same point on
   * the kernels and on the emulation (a run with a GPU), and every other axis a sweep varies.
   */
  @Test
  void rowsDifferingInOneColumnOfTheKeyAreAllKept() throws IOException {
    ErrorStats e = error();
    List<AccuracyRow> accuracy =
        List.of(
            new AccuracyRow("int8", "normal", 2, 2, 1024, 64, false, 256, 42, e, "cuda"),
            new AccuracyRow(
                "int8", "normal", 2, 2, 1024, 64, false, 256, 42, e, ResultValues.CPU_EMULATION),
            new AccuracyRow("fp8", "normal", 2, 2, 1024, 64, false, 256, 42, e, "cuda"),
            new AccuracyRow("int8", "uniform", 2, 2, 1024, 64, false, 256, 42, e, "cuda"),
            new AccuracyRow("int8", "normal", 1, 2, 1024, 64, false, 256, 42, e, "cuda"),
            new AccuracyRow("int8", "normal", 2, 1, 1024, 64, false, 256, 42, e, "cuda"),
            new AccuracyRow("int8", "normal", 2, 2, 2048, 64, false, 256, 42, e, "cuda"),
            new AccuracyRow("int8", "normal", 2, 2, 1024, 128, false, 256, 42, e, "cuda"),
            new AccuracyRow("int8", "normal", 2, 2, 1024, 64, true, 256, 42, e, "cuda"),
            new AccuracyRow("int8", "normal", 2, 2, 1024, 64, false, 128, 42, e, "cuda"),
            new AccuracyRow("int8", "normal", 2, 2, 1024, 64, false, 256, 43, e, "cuda"));
    LatencyRow r = latency("int8", 1024);
    List<LatencyRow> latency =
        List.of(
            r,
            r.withMethod("fp16"),
            new LatencyRow("int8", 2, 32, 1024, 64, false, "kernel", 1, 1, 1, 1, 1, "G", 1, false),
            new LatencyRow("int8", 4, 16, 1024, 64, false, "kernel", 1, 1, 1, 1, 1, "G", 1, false),
            new LatencyRow("int8", 4, 32, 2048, 64, false, "kernel", 1, 1, 1, 1, 1, "G", 1, false),
            new LatencyRow("int8", 4, 32, 1024, 128, false, "kernel", 1, 1, 1, 1, 1, "G", 1, false),
            new LatencyRow("int8", 4, 32, 1024, 64, true, "kernel", 1, 1, 1, 1, 1, "G", 1, false),
            new LatencyRow(
                "int8", 4, 32, 1024, 64, false, "end-to-end", 1, 1, 1, 1, 1, "G", 1, false));
    Path dir = write(AccuracyCsv.FILE, accuracy, AccuracyCsv::write);
    try (Writer w = Files.newBufferedWriter(dir.resolve(LatencyCsv.FILE))) {
      LatencyCsv.write(latency, w);
    }

    ResultSet back = ResultSet.load(dir);

    assertEquals(accuracy, back.accuracy());
    assertEquals(latency, back.latency());
  }

  /** What the tool writes at the edges of its domains reads back unchanged. */
  @Test
  void everyValueTheToolWritesIsAccepted() throws IOException {
    double nan = Double.NaN;
    List<AccuracyRow> accuracy =
        List.of(
            accuracy("int8+smoothk", 1),
            new AccuracyRow(
                "fp8",
                "outlier(2,20)",
                1,
                1,
                4096,
                128,
                true,
                128,
                -7,
                // An output that was not finite: every metric NaN (ErrorStats.compare).
                new ErrorStats(nan, nan, nan, nan, nan, nan),
                "cuda"),
            new AccuracyRow(
                "fp16",
                "kbias(8,0)",
                1,
                1,
                1,
                256,
                false,
                1,
                0,
                new ErrorStats(0, 0, 0, 0, 0, 1),
                ResultValues.CPU_EMULATION),
            new AccuracyRow(
                "int8",
                "uniform(-1,1)",
                1,
                1,
                64,
                16,
                false,
                64,
                0,
                new ErrorStats(1e-3, 0, 1e-3, 1e-3, 1e-2, -1),
                ResultValues.CPU_EMULATION));
    LatencyRow peer =
        new LatencyRow(
            "torch-cudnn",
            1,
            1,
            128,
            128,
            true,
            "kernel",
            1e-3,
            1e-3,
            1e-3,
            1,
            1e-3,
            "GPU",
            nan,
            true);
    LatencyRow endToEnd =
        new LatencyRow(
            "int8-plus",
            4,
            32,
            1 << 17,
            64,
            false,
            "end-to-end",
            900,
            890,
            950,
            1,
            40,
            "G",
            1.5,
            false);
    Path dir = write(AccuracyCsv.FILE, accuracy, AccuracyCsv::write);
    try (Writer w = Files.newBufferedWriter(dir.resolve(LatencyCsv.FILE))) {
      LatencyCsv.write(List.of(peer, endToEnd), w);
    }

    ResultSet back = ResultSet.load(dir);

    assertEquals(accuracy, back.accuracy(), "seed " + seed);
    assertEquals(List.of(peer, endToEnd), back.latency());
  }

  /**
   * The committed result folders are what the tool wrote over its history: each one still loads.
   * (Run from the repository root, as Maven runs the tests.)
   */
  @Test
  void everyCommittedResultFolderLoads() throws IOException {
    List<Path> folders;
    try (Stream<Path> files = Files.walk(Path.of("results"))) {
      folders =
          files
              .filter(f -> f.endsWith(AccuracyCsv.FILE) || f.endsWith(LatencyCsv.FILE))
              .map(Path::getParent)
              .distinct()
              .sorted()
              .toList();
    }
    List<String> refused = new ArrayList<>();
    for (Path folder : folders) {
      try {
        ResultSet.load(folder);
      } catch (InvalidInputException e) {
        refused.add(e.getMessage());
      }
    }
    assertTrue(folders.size() > 200, "the results are there: " + folders.size());
    assertEquals(List.of(), refused);
  }

  /** A median of Infinity is no time: refused as a figure must be finite and above 0. */
  @Test
  void anInfiniteMedianIsRefused() throws IOException {
    List<LatencyRow> rows = List.of(latency("fp16", 4096), latency("int8", 4096));
    Path dir = write(LatencyCsv.FILE, rows, LatencyCsv::write);
    edit(dir.resolve(LatencyCsv.FILE), LatencyCsv.COLUMNS, "median_ms", "Infinity");

    assertNamed(dir, LatencyCsv.FILE, "median_ms", "Infinity", "a finite number > 0");
  }

  /**
   * A cosine is from -1 to 1: one below -1 is refused as one above 1 is, and a negative one within
   * the range (an output pointing away from its reference) reads back.
   */
  @Test
  void aCosineBelowMinusOneIsRefusedAndANegativeOneWithinTheRangeReadsBack() throws IOException {
    // An odd number of quarters below -1: never a whole number, and printed as written.
    double below = -1 - (2 * random.nextInt(1, 40) + 1) / 4.0;
    List<AccuracyRow> rows = List.of(accuracy("fp16", 2048), accuracy("int8", 2048));
    Path dir = write(AccuracyCsv.FILE, rows, AccuracyCsv::write);
    edit(dir.resolve(AccuracyCsv.FILE), AccuracyCsv.COLUMNS, "cosine", Double.toString(below));
    assertNamed(dir, AccuracyCsv.FILE, "cosine", Double.toString(below), "a number from -1 to 1");

    double within = -random.nextDouble(0.01, 1.0);
    AccuracyRow r = rows.get(1);
    ErrorStats e = r.error();
    List<AccuracyRow> negative =
        List.of(
            rows.get(0),
            r.withError(
                new ErrorStats(e.mre(), e.mreLast4(), e.relL2(), e.rmse(), e.maxAbs(), within)));
    dir = write(AccuracyCsv.FILE, negative, AccuracyCsv::write);
    assertEquals(negative, ResultSet.load(dir).accuracy(), "seed " + seed + ", cosine " + within);
  }

  /** A clock of 0 MHz was never read: refused, where an empty cell (no reading) is accepted. */
  @Test
  void anSmClockOfZeroIsRefusedAndAnEmptyOneAccepted() throws IOException {
    List<LatencyRow> rows = List.of(latency("fp16", 1024), latency("int8", 1024));
    Path dir = write(LatencyCsv.FILE, rows, LatencyCsv::write);
    Path file = dir.resolve(LatencyCsv.FILE);
    edit(file, LatencyCsv.COLUMNS, "sm_clock_mhz", "0");
    assertNamed(dir, LatencyCsv.FILE, "sm_clock_mhz", "0", "a finite number > 0, or empty");

    edit(file, LatencyCsv.COLUMNS, "sm_clock_mhz", "");
    List<LatencyRow> back = ResultSet.load(dir).latency();
    assertEquals(rows.get(0), back.get(0), "seed " + seed);
    assertTrue(Double.isNaN(back.get(1).smClockMhz()), back.get(1) + " (seed " + seed + ")");
    assertEquals(rows.get(1).medianMs(), back.get(1).medianMs(), "seed " + seed);
  }
}
