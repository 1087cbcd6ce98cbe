package dev.attnbench.bench;

import static dev.attnbench.report.CsvSchema.decimal;
import static dev.attnbench.report.CsvSchema.flag;
import static dev.attnbench.report.CsvSchema.integer;
import static dev.attnbench.report.CsvSchema.text;

import dev.attnbench.report.CsvSchema;
import dev.attnbench.report.ResultFolder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code latency.csv} schema, in one place, with its Tablesaw writer and reader. The file is
 * rewritten after every finished point, each time under a temporary name moved over the final one:
 * an interrupted run keeps every point it finished and never a half-written file.
 */
public final class LatencyCsv {
  public static final String FILE = "latency.csv";

  /** The columns, each declared once: the header, the writer and the reader all follow it. */
  private static final CsvSchema<LatencyRow> SCHEMA =
      new CsvSchema<>(
          "latency",
          List.of(
              text("method", LatencyRow::method),
              integer("batch", LatencyRow::batch),
              integer("heads", LatencyRow::heads),
              integer("seq_len", LatencyRow::seqLen),
              integer("head_dim", LatencyRow::headDim),
              flag("causal", LatencyRow::causal),
              text("scope", LatencyRow::scope),
              decimal("median_ms", LatencyRow::medianMs),
              decimal("p10_ms", LatencyRow::p10Ms),
              decimal("p90_ms", LatencyRow::p90Ms),
              integer("reps", LatencyRow::reps),
              decimal("tflops", LatencyRow::tflops),
              text("gpu", LatencyRow::gpu),
              decimal("sm_clock_mhz", LatencyRow::smClockMhz),
              flag("throttled", LatencyRow::throttled)),
          r ->
              new LatencyRow(
                  r.getString("method"),
                  r.getInt("batch"),
                  r.getInt("heads"),
                  r.getInt("seq_len"),
                  r.getInt("head_dim"),
                  r.getBoolean("causal"),
                  r.getString("scope"),
                  r.getDouble("median_ms"),
                  r.getDouble("p10_ms"),
                  r.getDouble("p90_ms"),
                  r.getInt("reps"),
                  r.getDouble("tflops"),
                  r.getString("gpu"),
                  r.getDouble("sm_clock_mhz"),
                  r.getBoolean("throttled")));

  public static final List<String> COLUMNS = SCHEMA.columns();

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

  /** Writes {@code rows} as CSV with the header {@link #COLUMNS}. */
  public static void write(List<LatencyRow> rows, Writer out) {
    SCHEMA.write(rows, out);
  }

  /** Reads a {@code latency.csv}; fails if its columns are not {@link #COLUMNS}. */
  public static List<LatencyRow> read(Path file) throws IOException {
    return SCHEMA.read(file);
  }
}
