package dev.attnbench.report;

import static dev.attnbench.report.CsvSchema.decimal;
import static dev.attnbench.report.CsvSchema.integer;
import static dev.attnbench.report.CsvSchema.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code jmh.csv} schema (what {@code attn-bench jmh} writes from JMH's JSON), with its
 * Tablesaw writer and reader, so a result folder's report can show the JMH view beside the
 * CUDA-event latency.
 */
public final class JmhCsv {
  private JmhCsv() {}

  public static final String FILE = "jmh.csv";

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

  /** The columns, each declared once: the header, the writer and the reader all follow it. */
  private static final CsvSchema<Row> SCHEMA =
      new CsvSchema<>(
          "jmh",
          List.of(
              text("benchmark", Row::benchmark),
              text("params", Row::params),
              text("mode", Row::mode),
              decimal("score", Row::score),
              decimal("score_error", Row::scoreError),
              text("unit", Row::unit),
              integer("forks", Row::forks),
              integer("iterations", Row::iterations)),
          r ->
              new Row(
                  r.getString("benchmark"),
                  r.getString("params"),
                  r.getString("mode"),
                  r.getDouble("score"),
                  r.getDouble("score_error"), // NaN where the cell is empty
                  r.getString("unit"),
                  r.getInt("forks"),
                  r.getInt("iterations")));

  /** The columns of {@link #FILE}, in order. */
  public static final List<String> COLUMNS = SCHEMA.columns();

  /** Writes {@code rows} as CSV with the header {@link #COLUMNS}. */
  public static void write(List<Row> rows, Writer w) {
    SCHEMA.write(rows, w);
    try {
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of {@code file}; a score error JMH could not compute reads back as NaN. Leniently
   * (CsvSchema.readLenient): a benchmark without parameters has an empty {@code params} cell.
   */
  public static List<Row> read(Path file) {
    return SCHEMA.readLenient(file);
  }
}
