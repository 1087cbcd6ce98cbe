package dev.attnbench.sweep;

import dev.attnbench.InvalidInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A sweep axis given the same value twice (`seq_len: [256, 256]`, `--dist normal,normal(0,1)`)
 * would measure each point twice and write duplicate rows, which a report then counts twice; it is
 * refused, naming the value.
 */
public final class DistinctValues {
  private DistinctValues() {}

  /** Refuses {@code values} where two have the same {@code id}. */
  public static <T> void check(String axis, List<T> values, Function<T, String> id) {
    Set<String> seen = new HashSet<>();
    for (T v : values) {
      if (!seen.add(id.apply(v))) {
        throw new InvalidInputException(
            axis + " " + id.apply(v) + " is given twice (each value of an axis once)");
      }
    }
  }

  /** The same, for values that are their own id. */
  public static void check(String axis, List<?> values) {
    check(axis, values, String::valueOf);
  }
}
