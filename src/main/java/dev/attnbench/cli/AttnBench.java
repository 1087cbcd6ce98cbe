package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code attn-bench} root command. Exit codes: 0 success, 2 bad input (a flag, a config file,
 * an output folder, a missing GPU for {@code --backend cuda}), 1 a failure while running.
 */
@Command(
    name = "attn-bench",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "INT8 / FP8 / FP16 FlashAttention: error and latency, testing INT-FlashAttention (arXiv 2409.16997).",
    subcommands = {
      ReproduceCommand.class,
      AccuracyCommand.class,
      BenchCommand.class,
      ReportCommand.class,
      SelftestCommand.class,
      JmhCommand.class,
      InfoCommand.class
    })
public final class AttnBench {

  public static final int EXIT_RUNTIME_FAILURE = 1;
  public static final int EXIT_BAD_INPUT = 2;

  public static void main(String[] args) {
    int code;
    try {
      code = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // An Error passes picocli's handlers. The sweeps check their largest point against the
      // heap up front; this is what a point that still does not fit says, in one line.
      System.err.println(
          "attn-bench: out of memory (this JVM's heap is "
              + (Runtime.getRuntime().maxMemory() >> 20)
              + " MiB): give it more (java -Xmx…) or choose smaller points; finished points are"
              + " kept (--resume)");
      code = EXIT_RUNTIME_FAILURE;
    }
    System.exit(code);
  }

  /** The configured command line: also what tests drive. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new AttnBench());
    cmd.setExecutionExceptionHandler(AttnBench::handleExecutionException);
    cmd.setParameterExceptionHandler(AttnBench::handleParameterException);
    cmd.setExecutionStrategy(
        parsed -> {
          // --help and --version first: they answer whatever else the line holds, as they do
          // for values that picocli's own parsing lets through.
          Integer help = CommandLine.executeHelpRequest(parsed);
          if (help != null) return help;
          CommandLine.ParseResult line = RecordedArgs.replay(parsed);
          EmptyListItems.check(line);
          return new CommandLine.RunLast().execute(line);
        });
    return cmd;
  }

  /** Bad flags: one line naming the problem, with a pointer to --help, exit 2. */
  private static int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine where = e.getCommandLine();
    PrintWriter err = where.getErr();
    String message = e.getMessage();
    if (e instanceof CommandLine.UnmatchedArgumentException && where.getParent() == null) {
      // The first word is not a command: say which are.
      message =
          "unknown command '"
              + ((CommandLine.UnmatchedArgumentException) e).getUnmatched().get(0)
              + "' (allowed: "
              + String.join(", ", where.getSubcommands().keySet())
              + ")";
    }
    err.println(
        "attn-bench: "
            + message
            + " (see '"
            + where.getCommandSpec().qualifiedName()
            + " --help')");
    return EXIT_BAD_INPUT;
  }

  private static int handleExecutionException(
      Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof InvalidInputException) {
      err.println("attn-bench: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    err.println("attn-bench: failed: " + e);
    if (System.getenv("ATTN_BENCH_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set ATTN_BENCH_DEBUG=1 for the stack trace)");
    }
    return EXIT_RUNTIME_FAILURE;
  }
}
