package dev.attnbench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Checks on a result CSV read back (accuracy.csv, latency.csv), which may have been edited or cut
 * short by hand: the tool's own columns, and a value in every cell that is not a measurement. A
 * measurement may be empty (NaN, e.g. a metric of an all-zero reference); a method, a size or a
 * flag may not, or the rows could not be built.
 */
public final class CsvColumns {
  private CsvColumns() {}

  /**
   * Reads {@code file} (once) with {@code options} after checking its header line against {@code
   * expected}, then that every cell that is not a measurement holds a value; what Tablesaw throws
   * on a cell it cannot read (text in a number column, a row cut short) turned into one line naming
   * the file: it said "headerNames is null" for an empty file, or dumped its parser settings for a
   * binary one.
   */
  public static Table read(
      Path file, List<String> expected, Function<Reader, CsvReadOptions> options)
      throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IOException(
          file + ": not a text file (expected a CSV with columns " + expected + ")");
    }
    String header = text.lines().findFirst().orElse(null);
    if (header == null || header.isBlank()) {
      throw new IOException(file + ": empty (expected a CSV with columns " + expected + ")");
    }
    if (!header.strip().equals(String.join(",", expected))) {
      throw new IOException(
          file + ": expected columns " + expected + " but found " + shorten(header.strip()));
    }
    Table t;
    try {
      t = Table.read().csv(options.apply(new StringReader(text)));
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new IOException(file + ": a cell or row cannot be read (" + shorten(why) + ")", e);
    }
    checkValues(t, file);
    return t;
  }

  private static String shorten(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  /** A value in every cell that is not a measurement (the header was checked as the file's). */
  private static void checkValues(Table t, Path file) throws IOException {
    for (Column<?> c : t.columns()) {
      if (c.type() == ColumnType.DOUBLE) continue;
      for (int i = 0; i < t.rowCount(); i++) {
        if (c.isMissing(i)) {
          // Row numbers as a spreadsheet shows them: the header is line 1.
          throw new IOException(
              file + ": line " + (i + 2) + " has no value in column '" + c.name() + "'");
        }
      }
    }
  }
}
