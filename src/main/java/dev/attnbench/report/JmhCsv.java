package dev.attnbench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * The {@code jmh.csv} schema (what {@code attn-bench jmh} writes from JMH's JSON), with its
 * Tablesaw writer and reader, so a result folder's report can show the JMH view beside the
 * CUDA-event latency.
 */
public final class JmhCsv {
  private JmhCsv() {}

  public static final String FILE = "jmh.csv";

  /** The columns of {@link #FILE}, in order. */
  public static final List<String> COLUMNS =
      List.of("benchmark", "params", "mode", "score", "score_error", "unit", "forks", "iterations");

  private static final ColumnType[] TYPES = {
    ColumnType.STRING,
    ColumnType.STRING,
    ColumnType.STRING,
    ColumnType.DOUBLE,
    ColumnType.DOUBLE,
    ColumnType.STRING,
    ColumnType.INTEGER,
    ColumnType.INTEGER
  };

  /**
   * One line of {@link #FILE}: one benchmark at one parameter combination.
   *
   * @param params {@code name=value} pairs joined by {@code ;}, in JMH's order
   * @param scoreError half-width of the 99.9% confidence interval; NaN when JMH could not compute
   *     one (a single iteration)
   */
  public record Row(
      String benchmark,
      String params,
      String mode,
      double score,
      double scoreError,
      String unit,
      int forks,
      int iterations) {}

  /** Writes {@code rows} as CSV with the header {@link #COLUMNS}. */
  public static void write(List<Row> rows, Writer w) {
    Table t =
        Table.create(
            "jmh",
            StringColumn.create("benchmark"),
            StringColumn.create("params"),
            StringColumn.create("mode"),
            DoubleColumn.create("score"),
            DoubleColumn.create("score_error"),
            StringColumn.create("unit"),
            IntColumn.create("forks"),
            IntColumn.create("iterations"));
    for (Row r : rows) {
      t.stringColumn("benchmark").append(r.benchmark());
      t.stringColumn("params").append(r.params());
      t.stringColumn("mode").append(r.mode());
      t.doubleColumn("score").append(r.score());
      t.doubleColumn("score_error").append(r.scoreError());
      t.stringColumn("unit").append(r.unit());
      t.intColumn("forks").append(r.forks());
      t.intColumn("iterations").append(r.iterations());
    }
    t.write().csv(CsvWriteOptions.builder(w).build());
    try {
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of {@code file}; a score error JMH could not compute reads back as NaN. */
  public static List<Row> read(Path file) {
    try (Reader r = Files.newBufferedReader(file)) {
      Table t =
          Table.read()
              .csv(CsvReadOptions.builder(r).columnTypes(TYPES).missingValueIndicator("").build());
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < t.rowCount(); i++) {
        DoubleColumn err = t.doubleColumn("score_error");
        rows.add(
            new Row(
                t.stringColumn("benchmark").get(i),
                t.stringColumn("params").get(i),
                t.stringColumn("mode").get(i),
                t.doubleColumn("score").get(i),
                err.isMissing(i) ? Double.NaN : err.get(i),
                t.stringColumn("unit").get(i),
                t.intColumn("forks").get(i),
                t.intColumn("iterations").get(i)));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
