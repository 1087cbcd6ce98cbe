package dev.attnbench.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
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
   * Reads {@code file} with {@code options} after checking its header line against {@code
   * expected}, with what Tablesaw throws on a cell it cannot read (text in a number column, a row
   * cut short) turned into one line naming the file: it said "headerNames is null" for an empty
   * file, or dumped its parser settings for a binary one.
   */
  public static Table read(
      Path file, List<String> expected, Function<Reader, CsvReadOptions> options)
      throws IOException {
    String header;
    try (BufferedReader in = Files.newBufferedReader(file)) {
      header = in.readLine();
    } catch (java.nio.charset.MalformedInputException e) {
      throw new IOException(
          file + ": not a text file (expected a CSV with columns " + expected + ")");
    }
    if (header == null || header.isBlank()) {
      throw new IOException(file + ": empty (expected a CSV with columns " + expected + ")");
    }
    if (!header.strip().equals(String.join(",", expected))) {
      throw new IOException(
          file + ": expected columns " + expected + " but found " + shorten(header.strip()));
    }
    try (Reader in = Files.newBufferedReader(file)) {
      return Table.read().csv(options.apply(in));
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new IOException(file + ": a cell or row cannot be read (" + shorten(why) + ")", e);
    }
  }

  private static String shorten(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  public static void check(Table t, Path file, List<String> expected) throws IOException {
    if (!t.columnNames().equals(expected)) {
      throw new IOException(
          file + ": expected columns " + expected + " but found " + t.columnNames());
    }
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
