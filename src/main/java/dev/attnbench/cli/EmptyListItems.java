package dev.attnbench.cli;

import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses a list flag with an empty item ({@code --seq-len 1024,}, {@code --method ,int8}). picocli
 * splits like {@link String#split(String)}, which drops trailing empty items, so {@code 1024,} ran
 * as {@code 1024} while {@code 1024,,2048} was refused: a typo that shortens a sweep should fail as
 * loudly as one that breaks it.
 */
final class EmptyListItems {

  private EmptyListItems() {}

  /**
   * Throws a {@link CommandLine.ParameterException} naming the first list flag with an empty item.
   */
  static void check(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (OptionSpec option : p.matchedOptions()) {
        if (option.splitRegex().isEmpty()) {
          continue;
        }
        Pattern split = Pattern.compile(option.splitRegex());
        for (String given : option.originalStringValues()) {
          for (String item : split.split(given, -1)) {
            if (item.isBlank()) {
              throw new CommandLine.ParameterException(
                  p.commandSpec().commandLine(),
                  option.longestName()
                      + " '"
                      + given
                      + "' has an empty item (allowed: a comma-separated list of values)");
            }
          }
        }
      }
    }
  }
}
