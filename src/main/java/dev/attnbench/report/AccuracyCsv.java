package dev.attnbench.report;

import dev.attnbench.metrics.ErrorStats;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/** The {@code accuracy.csv} schema, in one place, and its Tablesaw reader and writer. */
public final class AccuracyCsv {
  private AccuracyCsv() {}

  public static final String FILE = "accuracy.csv";

  public static final List<String> COLUMNS =
      List.of(
          "method",
          "distribution",
          "batch",
          "heads",
          "seq_len",
          "head_dim",
          "causal",
          "rows",
          "seed",
          "mre",
          "mre_last4",
          "rel_l2",
          "rmse",
          "max_abs",
          "cosine",
          "backend");

  private static final List<ColumnType> TYPES =
      List.of(
          ColumnType.STRING,
          ColumnType.STRING,
          ColumnType.INTEGER,
          ColumnType.INTEGER,
          ColumnType.INTEGER,
          ColumnType.INTEGER,
          ColumnType.BOOLEAN,
          ColumnType.INTEGER,
          ColumnType.LONG,
          ColumnType.DOUBLE,
          ColumnType.DOUBLE,
          ColumnType.DOUBLE,
          ColumnType.DOUBLE,
          ColumnType.DOUBLE,
          ColumnType.DOUBLE,
          ColumnType.STRING);

  public static Table toTable(List<AccuracyRow> rows) {
    Table t =
        Table.create(
            "accuracy",
            StringColumn.create("method"),
            StringColumn.create("distribution"),
            IntColumn.create("batch"),
            IntColumn.create("heads"),
            IntColumn.create("seq_len"),
            IntColumn.create("head_dim"),
            BooleanColumn.create("causal"),
            IntColumn.create("rows"),
            LongColumn.create("seed"),
            DoubleColumn.create("mre"),
            DoubleColumn.create("mre_last4"),
            DoubleColumn.create("rel_l2"),
            DoubleColumn.create("rmse"),
            DoubleColumn.create("max_abs"),
            DoubleColumn.create("cosine"),
            StringColumn.create("backend"));
    for (AccuracyRow r : rows) {
      ErrorStats e = r.error();
      t.stringColumn("method").append(r.method());
      t.stringColumn("distribution").append(r.distribution());
      t.intColumn("batch").append(r.batch());
      t.intColumn("heads").append(r.heads());
      t.intColumn("seq_len").append(r.seqLen());
      t.intColumn("head_dim").append(r.headDim());
      t.booleanColumn("causal").append(r.causal());
      t.intColumn("rows").append(r.rows());
      t.longColumn("seed").append(r.seed());
      t.doubleColumn("mre").append(e.mre());
      t.doubleColumn("mre_last4").append(e.mreLast4());
      t.doubleColumn("rel_l2").append(e.relL2());
      t.doubleColumn("rmse").append(e.rmse());
      t.doubleColumn("max_abs").append(e.maxAbs());
      t.doubleColumn("cosine").append(e.cosine());
      t.stringColumn("backend").append(r.backend());
    }
    return t;
  }

  /** Writes {@code rows} as CSV to {@code file} (the caller makes it atomic). */
  public static void write(List<AccuracyRow> rows, Writer out) {
    toTable(rows).write().csv(CsvWriteOptions.builder(out).build());
  }

  public static List<AccuracyRow> read(Path file) throws IOException {
    // Explicit types: inference would read an all-NaN (empty) metric column as text, or a small
    // seed column as int.
    Table t =
        CsvColumns.read(
            file,
            COLUMNS,
            in -> CsvReadOptions.builder(in).columnTypes(TYPES.toArray(ColumnType[]::new)).build());
    List<AccuracyRow> rows = new ArrayList<>();
    for (int i = 0; i < t.rowCount(); i++) {
      rows.add(
          new AccuracyRow(
              t.stringColumn("method").get(i),
              t.stringColumn("distribution").get(i),
              t.intColumn("batch").get(i),
              t.intColumn("heads").get(i),
              t.intColumn("seq_len").get(i),
              t.intColumn("head_dim").get(i),
              t.booleanColumn("causal").get(i),
              t.intColumn("rows").get(i),
              t.longColumn("seed").get(i),
              new ErrorStats(
                  t.doubleColumn("mre").getDouble(i),
                  t.doubleColumn("mre_last4").getDouble(i),
                  t.doubleColumn("rel_l2").getDouble(i),
                  t.doubleColumn("rmse").getDouble(i),
                  t.doubleColumn("max_abs").getDouble(i),
                  t.doubleColumn("cosine").getDouble(i)),
              t.stringColumn("backend").get(i)));
    }
    return rows;
  }
}
