package dev.attnbench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * A result CSV's columns, each declared once, in order: its name, its type and the value a row
 * gives it. The header, the Tablesaw table that writes the file and the column types a reader fixes
 * all come from that one list, so a column added, renamed or retyped cannot leave one of them
 * behind; {@code build} makes a row back from a table row, by the same names.
 *
 * @param <R> the row type
 */
public final class CsvSchema<R> {

  /** One column: its name, type and the value of a row in it. */
  public record Field<R>(String name, ColumnType type, Function<R, Object> value) {}

  public static <R> Field<R> text(String name, Function<R, String> value) {
    return new Field<>(name, ColumnType.STRING, value::apply);
  }

  public static <R> Field<R> integer(String name, ToIntFunction<R> value) {
    return new Field<>(name, ColumnType.INTEGER, r -> value.applyAsInt(r));
  }

  public static <R> Field<R> longInteger(String name, ToLongFunction<R> value) {
    return new Field<>(name, ColumnType.LONG, r -> value.applyAsLong(r));
  }

  public static <R> Field<R> decimal(String name, ToDoubleFunction<R> value) {
    return new Field<>(name, ColumnType.DOUBLE, r -> value.applyAsDouble(r));
  }

  public static <R> Field<R> flag(String name, Predicate<R> value) {
    return new Field<>(name, ColumnType.BOOLEAN, value::test);
  }

  private final String table;
  private final List<Field<R>> fields;
  private final Function<Row, R> build;

  /**
   * @param table the Tablesaw table's name
   * @param build a row from a table row of this schema (read by column name)
   */
  public CsvSchema(String table, List<Field<R>> fields, Function<Row, R> build) {
    this.table = table;
    this.fields = List.copyOf(fields);
    this.build = build;
  }

  /** The header, in order. */
  public List<String> columns() {
    return fields.stream().map(Field::name).toList();
  }

  /** The column types in order, for a reader that fixes every column's. */
  public ColumnType[] types() {
    return fields.stream().map(Field::type).toArray(ColumnType[]::new);
  }

  private Table toTable(List<R> rows) {
    Table t = Table.create(table);
    for (Field<R> f : fields) {
      Column<?> column = f.type().create(f.name());
      for (R r : rows) column.appendObj(f.value().apply(r));
      t.addColumns(column);
    }
    return t;
  }

  /** Writes {@code rows} as CSV with the header {@link #columns()}. */
  public void write(List<R> rows, Writer out) {
    toTable(rows).write().csv(CsvWriteOptions.builder(out).build());
  }

  /** The rows of a table whose columns are this schema's. */
  public List<R> rows(Table t) {
    return t.stream().map(build).toList();
  }

  /**
   * Reads {@code file} with Tablesaw's own reader, an empty cell read as missing (NaN in a number
   * column, "" in a text one), for a file the tool writes but never reads as a measurement: a text
   * column there may be empty (a JMH benchmark without parameters, a claim without a note), which
   * CsvColumns refuses.
   */
  public List<R> readLenient(Path file) {
    try (Reader r = Files.newBufferedReader(file)) {
      return rows(
          Table.read()
              .csv(
                  CsvReadOptions.builder(r)
                      .columnTypes(types())
                      .missingValueIndicator("")
                      .build()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads {@code file} after CsvColumns' checks: this schema's header, one row per line, each cell
   * in a form the tool writes.
   */
  public List<R> read(Path file) throws IOException {
    return rows(
        CsvColumns.read(
            file, columns(), in -> CsvReadOptions.builder(in).columnTypes(types()).build()));
  }
}
