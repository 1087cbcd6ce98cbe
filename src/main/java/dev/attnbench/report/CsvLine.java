package dev.attnbench.report;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import com.univocity.parsers.csv.UnescapedQuoteHandling;
import java.util.List;
import java.util.Optional;

/**
 * The cells of one line of a result CSV, split by univocity's parser (Tablesaw's own), one line at
 * a time so that a row's number is the file's line number (no cell the tool writes spans lines).
 * Nothing is trimmed or turned into null: a space is part of its cell, for the cell's check to
 * refuse, and an empty cell stays "" (Tablesaw read "NA" and "null" as missing values).
 */
final class CsvLine {
  /**
   * One parser for every line of a file: building one (its settings and buffers) per line is waste.
   */
  private final CsvParser parser;

  CsvLine() {
    CsvParserSettings settings = new CsvParserSettings();
    settings.setIgnoreLeadingWhitespaces(false);
    settings.setIgnoreTrailingWhitespaces(false);
    settings.setIgnoreLeadingWhitespacesInQuotes(false);
    settings.setIgnoreTrailingWhitespacesInQuotes(false);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setUnescapedQuoteHandling(UnescapedQuoteHandling.RAISE_ERROR);
    parser = new CsvParser(settings);
  }

  /** The cells, or what is wrong with the line's quoting. */
  record Cells(List<String> cells, Optional<String> wrong) {}

  Cells split(String line) {
    try {
      String[] cells = parser.parseLine(line);
      return new Cells(cells == null ? List.of("") : List.of(cells), Optional.empty());
    } catch (TextParsingException e) {
      // The parser's own message spans lines and names its settings.
      return new Cells(
          List.of(),
          Optional.of(
              "a quote inside a cell (allowed: a cell quoted whole, its own quotes doubled)"));
    }
  }
}
