package dev.attnbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cells of one line of a result CSV, as Tablesaw writes them (and the csv module of the
 * torch-sdpa script): comma-separated, a cell holding a comma or a quote in double quotes with its
 * quotes doubled ({@code "normal(0,1)"}). Nothing is trimmed: a space is part of its cell, for the
 * cell's check to refuse. One line is one row; no cell the tool writes spans lines, and reading
 * line by line keeps a row's number the file's line number.
 */
final class CsvLine {
  private CsvLine() {}

  /** The cells, or what is wrong with the line's quoting. */
  record Cells(List<String> cells, Optional<String> wrong) {}

  static Cells split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    while (true) {
      if (i < line.length() && line.charAt(i) == '"') {
        // A quoted cell: up to the quote that is not doubled.
        i++;
        while (true) {
          if (i >= line.length()) {
            return wrong(cells, "a quoted cell has no closing quote (a cell must end on its line)");
          }
          char c = line.charAt(i++);
          if (c != '"') {
            cell.append(c);
          } else if (i < line.length() && line.charAt(i) == '"') {
            cell.append('"');
            i++;
          } else {
            break;
          }
        }
        if (i < line.length() && line.charAt(i) != ',') {
          return wrong(cells, "text after the closing quote of cell " + (cells.size() + 1));
        }
      } else {
        int comma = line.indexOf(',', i);
        int end = comma < 0 ? line.length() : comma;
        cell.append(line, i, end);
        i = end;
      }
      cells.add(cell.toString());
      cell.setLength(0);
      if (i >= line.length()) {
        return new Cells(cells, Optional.empty());
      }
      i++; // past the comma
    }
  }

  private static Cells wrong(List<String> cells, String why) {
    return new Cells(cells, Optional.of(why));
  }
}
