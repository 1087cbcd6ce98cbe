package dev.attnbench;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A choice given by its command-line id, with the one-line error a user gets for any other. */
public final class CliIds {
  private CliIds() {}

  /**
   * The element of {@code choices} whose id is {@code value} (trimmed).
   *
   * @param what the option or key, for the error ("--l2-flush", "scope")
   * @param alsoAllowed ids the caller handles itself before asking (listed in the error only)
   * @throws InvalidInputException "{@code what} 'value' is not allowed (allowed: ...)"
   */
  public static <T> T parse(
      String what, String value, T[] choices, Function<T, String> id, String... alsoAllowed) {
    for (T c : choices) {
      if (id.apply(c).equals(value.trim())) {
        return c;
      }
    }
    String allowed =
        Stream.concat(Arrays.stream(choices).map(id), Arrays.stream(alsoAllowed))
            .collect(Collectors.joining(", "));
    throw new InvalidInputException(
        what + " '" + value + "' is not allowed (allowed: " + allowed + ")");
  }
}
