package dev.attnbench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns that identify a row of a result CSV: one measurement, which a file holds once. A
 * second row with the same key (a line pasted twice, two files joined) would leave the report to
 * choose between them, and its parts chose differently: the per-N table took the first row, the
 * claims the last.
 *
 * @param <R> the row type
 */
final class RowKey<R> {
  private record Part<R>(String column, Function<R, Object> value) {}

  private final List<Part<R>> parts;

  private RowKey(List<Part<R>> parts) {
    this.parts = parts;
  }

  /** A key of {@code column}, whose value in a row is {@code value}. */
  static <R> RowKey<R> of(String column, Function<R, Object> value) {
    return new RowKey<R>(List.of()).and(column, value);
  }

  /** This key with {@code column} added. */
  RowKey<R> and(String column, Function<R, Object> value) {
    List<Part<R>> more = new ArrayList<>(parts);
    more.add(new Part<>(column, value));
    return new RowKey<>(List.copyOf(more));
  }

  /**
   * Refuses the first row of {@code rows} (row i on line i + 2 of {@code file}, as CsvColumns reads
   * it) whose key an earlier row has, naming both lines and the key.
   */
  void checkUnique(Path file, List<R> rows) throws IOException {
    Map<List<Object>, Integer> firstLine = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      R row = rows.get(i);
      List<Object> key = parts.stream().map(p -> p.value().apply(row)).toList();
      Integer first = firstLine.putIfAbsent(key, i + 2);
      if (first != null) {
        throw new IOException(
            String.format(
                Locale.ROOT,
                "%s: line %d repeats the key of line %d (%s; allowed: one row per key)",
                file,
                i + 2,
                first,
                shown(row)));
      }
    }
  }

  private String shown(R row) {
    return parts.stream()
        .map(p -> p.column() + "=" + p.value().apply(row))
        .collect(Collectors.joining(", "));
  }
}
