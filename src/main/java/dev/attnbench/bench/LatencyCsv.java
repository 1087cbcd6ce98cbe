package dev.attnbench.bench;

import dev.attnbench.report.CsvColumns;
import dev.attnbench.report.ResultFolder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * The {@code latency.csv} schema, in one place, with its Tablesaw writer and reader. The file is
 * rewritten after every finished point, each time under a temporary name moved over the final one:
 * an interrupted run keeps every point it finished and never a half-written file.
 */
public final class LatencyCsv {
  public static final String FILE = "latency.csv";

  public static final List<String> COLUMNS =
      List.of(
          "method",
          "batch",
          "heads",
          "seq_len",
          "head_dim",
          "causal",
          "scope",
          "median_ms",
          "p10_ms",
          "p90_ms",
          "reps",
          "tflops",
          "gpu",
          "sm_clock_mhz",
          "throttled");

  private final ResultFolder folder;
  private final List<LatencyRow> rows = new ArrayList<>();

  /** A writer into {@code folder}'s {@code latency.csv}. */
  public LatencyCsv(ResultFolder folder) {
    this.folder = folder;
  }

  /** Adds a row measured earlier (a resumed run) without rewriting the file. */
  public void add(LatencyRow row) {
    rows.add(row);
  }

  /** Adds a finished point and rewrites the file with every point so far. */
  public void append(LatencyRow row) {
    rows.add(row);
    folder.write(FILE, w -> write(rows, w));
  }

  public List<LatencyRow> rows() {
    return List.copyOf(rows);
  }

  public static Table toTable(List<LatencyRow> rows) {
    Table t =
        Table.create(
            "latency",
            StringColumn.create("method"),
            IntColumn.create("batch"),
            IntColumn.create("heads"),
            IntColumn.create("seq_len"),
            IntColumn.create("head_dim"),
            BooleanColumn.create("causal"),
            StringColumn.create("scope"),
            DoubleColumn.create("median_ms"),
            DoubleColumn.create("p10_ms"),
            DoubleColumn.create("p90_ms"),
            IntColumn.create("reps"),
            DoubleColumn.create("tflops"),
            StringColumn.create("gpu"),
            DoubleColumn.create("sm_clock_mhz"),
            BooleanColumn.create("throttled"));
    for (LatencyRow r : rows) {
      t.stringColumn("method").append(r.method());
      t.intColumn("batch").append(r.batch());
      t.intColumn("heads").append(r.heads());
      t.intColumn("seq_len").append(r.seqLen());
      t.intColumn("head_dim").append(r.headDim());
      t.booleanColumn("causal").append(r.causal());
      t.stringColumn("scope").append(r.scope());
      t.doubleColumn("median_ms").append(r.medianMs());
      t.doubleColumn("p10_ms").append(r.p10Ms());
      t.doubleColumn("p90_ms").append(r.p90Ms());
      t.intColumn("reps").append(r.reps());
      t.doubleColumn("tflops").append(r.tflops());
      t.stringColumn("gpu").append(r.gpu());
      t.doubleColumn("sm_clock_mhz").append(r.smClockMhz());
      t.booleanColumn("throttled").append(r.throttled());
    }
    return t;
  }

  /** Writes {@code rows} as CSV with the header {@link #COLUMNS}. */
  public static void write(List<LatencyRow> rows, Writer out) {
    toTable(rows).write().csv(CsvWriteOptions.builder(out).build());
  }

  /** Reads a {@code latency.csv}; fails if its columns are not {@link #COLUMNS}. */
  public static List<LatencyRow> read(Path file) throws IOException {
    Table t =
        CsvColumns.read(
            file,
            COLUMNS,
            in -> CsvReadOptions.builder(in).columnTypesPartial(LatencyCsv::type).build());
    List<LatencyRow> rows = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      rows.add(
          new LatencyRow(
              t.stringColumn("method").get(i),
              t.intColumn("batch").get(i),
              t.intColumn("heads").get(i),
              t.intColumn("seq_len").get(i),
              t.intColumn("head_dim").get(i),
              t.booleanColumn("causal").get(i),
              t.stringColumn("scope").get(i),
              t.doubleColumn("median_ms").getDouble(i),
              t.doubleColumn("p10_ms").getDouble(i),
              t.doubleColumn("p90_ms").getDouble(i),
              t.intColumn("reps").get(i),
              t.doubleColumn("tflops").getDouble(i),
              t.stringColumn("gpu").get(i),
              t.doubleColumn("sm_clock_mhz").getDouble(i),
              t.booleanColumn("throttled").get(i)));
    }
    return rows;
  }

  /**
   * Column types fixed by name, so a file whose numbers happen to look integral reads back alike.
   */
  private static java.util.Optional<tech.tablesaw.api.ColumnType> type(String column) {
    return java.util.Optional.of(
        switch (column) {
          case "method", "scope", "gpu" -> tech.tablesaw.api.ColumnType.STRING;
          case "batch", "heads", "seq_len", "head_dim", "reps" ->
              tech.tablesaw.api.ColumnType.INTEGER;
          case "causal", "throttled" -> tech.tablesaw.api.ColumnType.BOOLEAN;
          default -> tech.tablesaw.api.ColumnType.DOUBLE;
        });
  }
}
