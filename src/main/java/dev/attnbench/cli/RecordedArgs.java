package dev.attnbench.cli;

import dev.attnbench.bench.PeerScript;
import dev.attnbench.report.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The flags a run was given, kept in its run.json ({@code "args"}), so that {@code --resume DIR}
 * alone continues it with them. A resume must run the same sweep and sample the same way as the
 * rows it keeps; without this, a resumed bench had to be given its flags again, word for word, and
 * the defaults in their place were refused after the GPU had been opened.
 */
final class RecordedArgs {
  private RecordedArgs() {}

  static final String FIELD = "args";

  /** Where a run writes, not what it measures: never recorded, never replayed. */
  private static final Set<String> WITH_VALUE = Set.of("--out", "--resume");

  private static final Set<String> SWITCHES = Set.of("--force");

  /**
   * The words after the command's name in {@code parsed}'s line, less where the run writes, with
   * the values of options that take a path (and --peer's authors=DIR) made absolute: a resume from
   * another folder would otherwise look for the config (or write the tensors) relative to where it
   * is run.
   */
  static List<String> of(ParseResult parsed) {
    List<String> all = parsed.originalArgs();
    int from = all.indexOf(parsed.commandSpec().name()) + 1;
    List<String> kept = new ArrayList<>();
    for (int i = from; i < all.size(); i++) {
      String a = all.get(i);
      int eq = a.indexOf('=');
      String name = eq > 0 ? a.substring(0, eq) : a;
      OptionSpec option = a.startsWith("-") ? parsed.commandSpec().findOption(name) : null;
      if (WITH_VALUE.contains(name)) {
        if (eq < 0) i++; // its value is the next word
      } else if (SWITCHES.contains(name)) {
        continue; // --force, or --force=true
      } else if (option != null && (option.type() == Path.class || name.equals("--peer"))) {
        boolean joined = eq > 0;
        String value = joined ? a.substring(eq + 1) : i + 1 < all.size() ? all.get(++i) : null;
        if (value == null) {
          kept.add(a);
          continue;
        }
        String absolute = absolute(name, value);
        if (joined) {
          kept.add(name + "=" + absolute);
        } else {
          kept.add(a);
          kept.add(absolute);
        }
      } else {
        kept.add(a);
      }
    }
    return kept;
  }

  /** A path option's value made absolute; --peer's authors=DIR folders made absolute in it. */
  private static String absolute(String option, String value) {
    if (option.equals("--peer")) return PeerScript.withAbsoluteFolders(value);
    return value.isEmpty() ? value : Path.of(value).toAbsolutePath().normalize().toString();
  }

  /**
   * {@code parsed}, or, where a command was given {@code --resume DIR} and nothing else and DIR's
   * run.json recorded that command's flags, the line parsed again with those flags added (said on
   * stderr). Anything else is left to the command's own checks: flags given with --resume must
   * match the run's, and a folder without run.json, or with another command's run, is refused there
   * with its reason.
   */
  static ParseResult replay(ParseResult parsed) {
    ParseResult sub = parsed.subcommand();
    if (sub == null || sub.commandSpec().findOption("--resume") == null) return parsed;
    List<OptionSpec> given = sub.matchedOptions();
    if (given.size() != 1 || !given.get(0).longestName().equals("--resume")) return parsed;
    if (!sub.matchedPositionals().isEmpty()) return parsed;
    Path dir = sub.matchedOptionValue("--resume", (Path) null);
    if (dir == null || dir.toString().isEmpty()) return parsed; // refused by the command
    List<String> recorded = recorded(dir, sub.commandSpec().name());
    if (recorded.isEmpty()) return parsed;
    List<String> line = new ArrayList<>(parsed.originalArgs());
    line.addAll(line.indexOf(sub.commandSpec().name()) + 1, recorded);
    CommandLine root = parsed.commandSpec().commandLine();
    PrintWriter err = sub.commandSpec().commandLine().getErr();
    err.println(
        "attn-bench: --resume "
            + dir
            + ": with the flags its run.json recorded: "
            + String.join(" ", recorded));
    err.flush();
    try {
      return root.parseArgs(line.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      // Said as what it is: the user typed none of these flags.
      throw new CommandLine.ParameterException(
          e.getCommandLine(),
          "--resume " + dir + ": the flags its run.json recorded are not valid: " + e.getMessage(),
          e);
    }
  }

  /** The flags DIR's run.json recorded for {@code command}; none where it recorded none. */
  private static List<String> recorded(Path dir, String command) {
    if (dir == null || !Files.exists(dir.resolve(RunRecord.FILE))) return List.of();
    Map<String, Object> run;
    try {
      run = RunRecord.read(dir);
    } catch (IOException | RuntimeException unreadable) {
      return List.of(); // the command's own check names what is wrong with it
    }
    if (!command.equals(run.get("command")) || !(run.get(FIELD) instanceof List<?> args)) {
      return List.of();
    }
    return args.stream().map(String::valueOf).toList();
  }
}
