package dev.attnbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A cell of a result CSV as every refusal names it: the file, its line as an editor or spreadsheet
 * shows it (the header is line 1) and the column. One form for the cell's form (CsvColumns) and for
 * its value (ResultValues), so one line of the file is never numbered two ways.
 */
record CsvCell(Path file, int line, String column) {

  /** {@code shown} (the value as the message prints it) is not among {@code allowed}. */
  IOException notAllowed(String shown, String allowed) {
    return refused(shown + " is not allowed (allowed: " + allowed + ")");
  }

  /** A refusal worded by the checker itself (it names the value and what is allowed). */
  IOException refused(String why) {
    return new IOException(
        String.format(Locale.ROOT, "%s: line %d, column '%s': %s", file, line, column, why));
  }
}
