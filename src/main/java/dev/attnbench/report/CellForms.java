package dev.attnbench.report;

import java.io.IOException;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * What a cell of a result CSV may hold, by its column's type, in the forms the tool writes; the
 * value it holds is ResultValues' to check. Our own parsing, not Tablesaw's: Tablesaw reads "NaN"
 * (and "NA", "-", "null") as an empty cell, ignores nothing it should refuse, and words a failure
 * as its parser's exception.
 */
final class CellForms {
  private CellForms() {}

  /** A number as Java's Double.toString and Python's repr write it, finite. */
  private static final Pattern DECIMAL =
      Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");

  /** Appends the value of {@code text} to {@code column}, or refuses it naming {@code at}. */
  static void append(Column<?> column, String text, CsvCell at) throws IOException {
    if (column instanceof StringColumn c) {
      c.append(name(text, at));
    } else if (column instanceof IntColumn c) {
      c.append((int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE, at));
    } else if (column instanceof LongColumn c) {
      c.append(whole(text, Long.MIN_VALUE, Long.MAX_VALUE, at));
    } else if (column instanceof BooleanColumn c) {
      c.append(flag(text, at));
    } else if (column instanceof DoubleColumn c) {
      c.append(number(text, at));
    } else {
      throw new IllegalStateException("no cell form for column type " + column.type());
    }
  }

  /**
   * Every text column of a result CSV is a name (method, distribution, backend, scope, gpu): one
   * with a space around it would be another name to the report (a distribution of its own, a
   * markdown heading broken), and the tool never writes one.
   */
  private static String name(String text, CsvCell at) throws IOException {
    if (text.isEmpty() || !text.equals(text.strip())) {
      throw at.notAllowed(shown(text), "a name, without spaces around it");
    }
    return text;
  }

  private static long whole(String text, long min, long max, CsvCell at) throws IOException {
    if (!WHOLE.matcher(text).matches()) throw at.notAllowed(shown(text), "a whole number");
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) return value;
    } catch (NumberFormatException e) {
      // Digits past a long's range: refused below, as past the column's.
    }
    throw at.notAllowed(shown(text), "a whole number from " + min + " to " + max);
  }

  private static boolean flag(String text, CsvCell at) throws IOException {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw at.notAllowed(shown(text), "true, false");
    };
  }

  /**
   * An empty cell is a measurement the tool has none of (NaN in memory; whether the column may lack
   * one is ResultValues' rule). "NaN" written out is refused: read as NaN it would pass for that
   * empty cell, which the tool writes instead. Infinity passes here so that the column's own rule
   * (ResultValues: a finite number ...) names it.
   */
  private static double number(String text, CsvCell at) throws IOException {
    if (text.isEmpty()) return Double.NaN;
    if (text.equals("Infinity") || text.equals("-Infinity")) return Double.parseDouble(text);
    if (DECIMAL.matcher(text).matches()) {
      double value = Double.parseDouble(text);
      // "1e400" reads as Infinity, and the column's rule would name that, not the cell: named
      // here as written, quoted since it is no value a double holds.
      if (Double.isInfinite(value)) {
        throw at.notAllowed(
            "'" + text + "'", "a finite number (this one is past a double's range), or empty");
      }
      return value;
    }
    throw at.notAllowed(shown(text), "a number, or empty for none");
  }

  /**
   * A cell's text as a refusal shows it, as ResultValues shows a value: a number as it is, anything
   * else quoted so that a space in it shows, and not too long.
   */
  private static String shown(String text) {
    if (text.isEmpty()) return "an empty value";
    if (DECIMAL.matcher(text).matches() && text.length() <= 40) return text;
    return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
  }
}
