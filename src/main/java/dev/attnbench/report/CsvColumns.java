package dev.attnbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Checks on a result CSV read back (accuracy.csv, latency.csv), which may have been edited or cut
 * short by hand: the tool's own columns, and a value in every cell that is not a measurement. A
 * measurement may be empty (NaN, e.g. a metric of an all-zero reference); a method, a size or a
 * flag may not, or the rows could not be built.
 */
public final class CsvColumns {
  private CsvColumns() {}

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
