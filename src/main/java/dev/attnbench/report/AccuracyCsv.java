package dev.attnbench.report;

import static dev.attnbench.report.CsvSchema.decimal;
import static dev.attnbench.report.CsvSchema.flag;
import static dev.attnbench.report.CsvSchema.integer;
import static dev.attnbench.report.CsvSchema.longInteger;
import static dev.attnbench.report.CsvSchema.text;

import dev.attnbench.metrics.ErrorStats;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** The {@code accuracy.csv} schema, in one place, and its Tablesaw reader and writer. */
public final class AccuracyCsv {
  private AccuracyCsv() {}

  public static final String FILE = "accuracy.csv";

  /**
   * The columns, each declared once: the header, the writer and the reader all follow it. Every
   * type is fixed: inference would read an all-NaN (empty) metric column as text, or a small seed
   * column as int.
   */
  private static final CsvSchema<AccuracyRow> SCHEMA =
      new CsvSchema<>(
          "accuracy",
          List.of(
              text("method", AccuracyRow::method),
              text("distribution", AccuracyRow::distribution),
              integer("batch", AccuracyRow::batch),
              integer("heads", AccuracyRow::heads),
              integer("seq_len", AccuracyRow::seqLen),
              integer("head_dim", AccuracyRow::headDim),
              flag("causal", AccuracyRow::causal),
              integer("rows", AccuracyRow::rows),
              longInteger("seed", AccuracyRow::seed),
              decimal("mre", r -> r.error().mre()),
              decimal("mre_last4", r -> r.error().mreLast4()),
              decimal("rel_l2", r -> r.error().relL2()),
              decimal("rmse", r -> r.error().rmse()),
              decimal("max_abs", r -> r.error().maxAbs()),
              decimal("cosine", r -> r.error().cosine()),
              text("backend", AccuracyRow::backend)),
          r ->
              new AccuracyRow(
                  r.getString("method"),
                  r.getString("distribution"),
                  r.getInt("batch"),
                  r.getInt("heads"),
                  r.getInt("seq_len"),
                  r.getInt("head_dim"),
                  r.getBoolean("causal"),
                  r.getInt("rows"),
                  r.getLong("seed"),
                  new ErrorStats(
                      r.getDouble("mre"),
                      r.getDouble("mre_last4"),
                      r.getDouble("rel_l2"),
                      r.getDouble("rmse"),
                      r.getDouble("max_abs"),
                      r.getDouble("cosine")),
                  r.getString("backend")));

  public static final List<String> COLUMNS = SCHEMA.columns();

  /** Writes {@code rows} as CSV (the caller makes it atomic). */
  public static void write(List<AccuracyRow> rows, Writer out) {
    SCHEMA.write(rows, out);
  }

  /** Reads an {@code accuracy.csv}; fails if its columns are not {@link #COLUMNS}. */
  public static List<AccuracyRow> read(Path file) throws IOException {
    return SCHEMA.read(file);
  }
}
