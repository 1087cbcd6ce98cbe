package dev.attnbench.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.ReadOptions;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Checks on a result CSV read back (accuracy.csv, latency.csv), which may have been edited or cut
 * short by hand: the tool's own columns, one row per line, and every cell in a form the tool writes
 * (CellForms). A measurement may be empty (e.g. a metric of an all-zero reference); a method, a
 * size or a flag may not, or the rows could not be built.
 */
public final class CsvColumns {
  private CsvColumns() {}

  /**
   * Reads {@code file} (once) after checking its header line against {@code expected}, each cell
   * checked and converted to its column's type as {@code options} gives it. Every refusal is one
   * line naming the file and, for a cell, its line and column (CsvCell); Tablesaw said "headerNames
   * is null" for an empty file, dumped its parser settings for a binary one, and numbered a bad
   * cell by its data row.
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
    // A spreadsheet may save a CSV with a UTF-8 byte order mark: invisible, it would make the
    // header read as other columns than the tool's. Files.readString keeps it, so it goes here.
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<String> lines = text.lines().toList();
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new IOException(file + ": empty (expected a CSV with columns " + expected + ")");
    }
    String header = lines.get(0);
    if (!header.strip().equals(String.join(",", expected))) {
      throw new IOException(
          file + ": expected columns " + expected + " but found " + shorten(header.strip()));
    }
    // The options are asked for the column types only: the cells are read here, not by Tablesaw.
    List<Column<?>> columns = columns(expected, options.apply(Reader.nullReader()));
    // Blank lines at the end are an editor's; one between rows would shift every row's number.
    int last = lines.size() - 1;
    while (lines.get(last).isBlank()) last--;
    CsvLine splitter = new CsvLine();
    for (int i = 1; i <= last; i++) {
      int line = i + 1; // as an editor numbers it: the header is line 1
      if (lines.get(i).isBlank()) {
        throw new IOException(file + ": line " + line + " is empty (allowed: a row of the table)");
      }
      CsvLine.Cells row = splitter.split(lines.get(i));
      if (row.wrong().isPresent()) {
        throw new IOException(file + ": line " + line + ": " + row.wrong().get());
      }
      if (row.cells().size() != columns.size()) {
        throw new IOException(
            String.format(
                Locale.ROOT,
                "%s: line %d has %d cells (allowed: %d, one per column of the header)",
                file,
                line,
                row.cells().size(),
                columns.size()));
      }
      for (int c = 0; c < columns.size(); c++) {
        Column<?> column = columns.get(c);
        CellForms.append(column, row.cells().get(c), new CsvCell(file, line, column.name()));
      }
    }
    return Table.create(file.getFileName().toString(), columns);
  }

  /** Empty columns of the types {@code options} fixes (the readers fix every column's). */
  private static List<Column<?>> columns(List<String> names, CsvReadOptions options) {
    ReadOptions.ColumnTypeReadOptions types = options.columnTypeReadOptions();
    List<Column<?>> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      ColumnType type =
          types
              .columnType(i, name)
              .orElseThrow(() -> new IllegalStateException("no type given for column " + name));
      columns.add(type.create(name));
    }
    return columns;
  }

  private static String shorten(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }
}
