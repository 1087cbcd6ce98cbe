package dev.attnbench.report;

import static dev.attnbench.report.CsvSchema.text;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code claims.csv}: REPORT.md's two claims tables as data, for a spreadsheet or a script that
 * checks a verdict. One row per claim, table and run, and a claim measured at several N has a row
 * at each (where REPORT.md folds a claim no run measured into one row). The figures are as the
 * report prints them ("+35%", "-729% … +35%"): the numbers behind them are in accuracy.csv and
 * latency.csv.
 */
public final class ClaimsCsv {
  private ClaimsCsv() {}

  public static final String FILE = "claims.csv";

  /**
   * One claim of one run.
   *
   * @param run the run's label, as the report names it (its GPU, or CPU)
   * @param table {@code claims} (the paper's headline claims) or {@code conditions} (the conditions
   *     that move the verdict)
   */
  public record Row(
      String run,
      String table,
      String claim,
      String setting,
      String paper,
      String ours,
      String verdict,
      String note) {}

  private static final CsvSchema<Row> SCHEMA =
      new CsvSchema<>(
          "claims",
          List.of(
              text("run", Row::run),
              text("table", Row::table),
              text("claim", Row::claim),
              text("setting", Row::setting),
              text("paper", Row::paper),
              text("ours", Row::ours),
              text("verdict", Row::verdict),
              text("note", Row::note)),
          r ->
              new Row(
                  r.getString("run"),
                  r.getString("table"),
                  r.getString("claim"),
                  r.getString("setting"),
                  r.getString("paper"),
                  r.getString("ours"),
                  r.getString("verdict"),
                  r.getString("note")));

  public static final List<String> COLUMNS = SCHEMA.columns();

  /** The rows of {@code sets}' claims tables, the runs in order, as REPORT.md evaluates them. */
  public static List<Row> rows(List<ResultSet> sets) {
    List<String> labels = ResultSet.labels(sets);
    List<List<Claim>> headline = ClaimsEvaluator.perRun(sets, true);
    List<List<Claim>> conditions = ClaimsEvaluator.perRun(sets, false);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      add(rows, labels.get(i), "claims", headline.get(i));
      add(rows, labels.get(i), "conditions", conditions.get(i));
    }
    return rows;
  }

  private static void add(List<Row> rows, String run, String table, List<Claim> claims) {
    for (Claim c : claims) {
      rows.add(
          new Row(
              run,
              table,
              c.claim(),
              c.setting(),
              c.paper(),
              c.ours(),
              c.verdict().toString(),
              c.note()));
    }
  }

  public static void write(List<Row> rows, Writer out) {
    SCHEMA.write(rows, out);
  }

  /**
   * The rows of {@code file}, leniently (CsvSchema.readLenient): a claim without a note has an
   * empty cell. The tool reads no claims.csv of its own; this is for tests and scripts.
   */
  public static List<Row> read(Path file) {
    return SCHEMA.readLenient(file);
  }
}
