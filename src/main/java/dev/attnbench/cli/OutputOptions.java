package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.RunRecord;
import dev.attnbench.sweep.ResumedRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --out}, {@code --force} and {@code --resume}: where a run writes, shared by every runner.
 */
public final class OutputOptions {

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Result folder (default: a new dated folder, named in the command's description).")
  Path out;

  /** The command this option set belongs to, whose name run.json records. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--force", description = "Overwrite a result folder that already holds a run.")
  boolean force;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description =
          "Continue an interrupted run in DIR: finished points are kept, not rerun. Alone, it takes the run's own config and flags from DIR/run.json; flags given with it must match them.")
  Path resume;

  /** The run.json of --resume DIR, read once, before this run rewrites it. */
  private ResumedRun resumed;

  /** The run {@code --resume} continues, as its run.json recorded it; null when not resuming. */
  ResumedRun resumed() {
    if (resume != null && resumed == null) resumed = ResumedRun.of(resume, args());
    return resumed;
  }

  /** Whether {@code --resume} names a run that finished (checked first: refused if it cannot). */
  boolean resumingComplete() {
    if (resume == null) return false;
    check();
    return resumed().complete();
  }

  /**
   * The run's folder: the one {@code --resume} names (which must hold a run.json), else {@code
   * --out}, else a new folder: {@code defaultDir} or, where that exists already, the first free of
   * {@code defaultDir-2}, {@code -3}, … (a second run of the same day gets a folder of its own). A
   * folder named by {@code --out} that holds a run is refused without {@code --force}, and emptied
   * of that run with it ({@link ResultFolder#discardRun}).
   */
  ResultFolder open(Supplier<Path> defaultDir) {
    requireFolderPath("--out", out);
    if (resume != null) {
      checkResume();
      if (resumed().complete()) {
        note(
            "--resume "
                + resume
                + ": that run is complete; nothing is left to measure, and its report is written"
                + " again");
      }
      ResultFolder folder = ResultFolder.open(resume, true);
      folder.discardTemporaries();
      return folder;
    }
    boolean fresh = out == null || !Files.exists(out);
    Path dir = out != null ? out : firstFree(defaultDir.get());
    if (force && Files.isDirectory(dir) && ResultFolder.holdsRun(dir)) {
      ResultFolder.discardRun(dir);
    }
    ResultFolder folder = ResultFolder.open(dir, force);
    if (fresh) {
      removeIfLeftEmpty(dir);
    }
    return folder;
  }

  /**
   * The checks of {@link #open} that make no folder, for a command that looks for its GPU first: a
   * bad --out or --resume is named before "no CUDA device", as reproduce names it.
   */
  void check() {
    requireFolderPath("--out", out);
    requireFolderPath("--resume", resume);
    if (resume != null) {
      checkResume();
    } else if (out != null) {
      ResultFolder.checkFree(out, force);
    }
  }

  private void checkResume() {
    if (out != null) {
      throw new InvalidInputException(
          "--resume and --out both given: --resume continues the folder it names");
    }
    if (force) {
      // Else one of the two was ignored: the user asked to keep the run and to replace it.
      throw new InvalidInputException(
          "--resume and --force both given: --resume keeps the folder's finished points,"
              + " --force would remove them (use --out DIR --force to start over)");
    }
    if (!Files.exists(resume.resolve(RunRecord.FILE))) {
      throw new InvalidInputException(
          "--resume " + resume + ": not a result folder (no " + RunRecord.FILE + ")");
    }
    // Another command's folder holds another kind of sweep: without this the sweep check below
    // refused it by printing one sweep's JSON against the other's.
    String made = resumed().field("command");
    String command = mixee == null ? null : mixee.name();
    if (made != null && command != null && !made.equals(command)) {
      throw new InvalidInputException(
          "--resume "
              + resume
              + ": that folder holds a run of '"
              + made
              + "', not of '"
              + command
              + "'; continue it with attn-bench "
              + made
              + " --resume "
              + resume);
    }
  }

  /**
   * The config file the run being resumed recorded, for a command given {@code --resume} without
   * {@code --config}: "the same command" then means the same sweep, which the flags alone would not
   * give (reproduce would fall back to paper.yaml, accuracy and bench to their defaults). Empty
   * when not resuming, or when that run took no config file.
   */
  Optional<Path> resumedConfig() {
    if (resume == null || !Files.exists(resume.resolve(RunRecord.FILE))) return Optional.empty();
    return Optional.ofNullable(resumed().field("config_file")).map(Path::of);
  }

  /**
   * {@code given}, else (resuming a run that took a config file, and none given now) that file,
   * named on stderr; null where neither is.
   */
  Path config(Path given) {
    if (given != null) return given;
    // A folder --resume cannot continue is refused first, not after a note about its config.
    if (resume != null) check();
    Optional<Path> recorded = resumedConfig();
    recorded.ifPresent(f -> note("--resume: with the interrupted run's config, " + f));
    return recorded.orElse(null);
  }

  /**
   * The flags this run was given, less where it writes, for run.json (see {@link RecordedArgs}):
   * what {@code --resume DIR} alone continues it with.
   */
  List<String> args() {
    return mixee == null || mixee.commandLine() == null
        ? List.of()
        : RecordedArgs.of(mixee.commandLine().getParseResult());
  }

  /** One line on the command's stderr (System.err where there is no command, as in tests). */
  private void note(String line) {
    if (mixee == null) {
      System.err.println("attn-bench: " + line);
      return;
    }
    PrintWriter err = mixee.commandLine().getErr();
    err.println("attn-bench: " + line);
    err.flush();
  }

  /**
   * Removes {@code dir}, made by this run, if the JVM ends before anything was written into it:
   * Ctrl-C in the moment before run.json left an empty folder (or one holding run.json.tmp), which
   * {@code --resume} then refused, as it holds no run.json. A folder that holds a finished file
   * stays.
   */
  private static void removeIfLeftEmpty(Path dir) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Stream<Path> files = Files.list(dir)) {
                    List<Path> left = files.toList();
                    if (left.stream().allMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
                      for (Path tmp : left) {
                        Files.deleteIfExists(tmp);
                      }
                      Files.deleteIfExists(dir);
                    }
                  } catch (IOException | RuntimeException goneOrFilled) {
                    // Gone already, or the run wrote a file meanwhile: either way, not ours to
                    // remove.
                  }
                },
                "attn-bench-empty-folder"));
  }

  /**
   * Refuses an empty path given to {@code flag} (picocli takes {@code --out=} as one), which Java
   * resolves to no folder at all; null (not given) passes.
   */
  static void requireFolderPath(String flag, Path path) {
    if (path != null && path.toString().isBlank()) {
      throw new InvalidInputException(flag + " '" + path + "' is not allowed (a folder path)");
    }
  }

  /**
   * Creates and returns the first of {@code dir}, {@code dir-2}, {@code dir-3}, … that does not
   * exist yet. Creating the folder is what claims it: two runs started in the same second both saw
   * the same free name when the test (exists? holds a run?) and the creation were separate steps,
   * and wrote into one folder.
   */
  private static Path firstFree(Path dir) {
    try {
      if (dir.getParent() != null) {
        Files.createDirectories(dir.getParent());
      }
      for (int i = 1; ; i++) {
        Path candidate = i == 1 ? dir : dir.resolveSibling(dir.getFileName() + "-" + i);
        try {
          return Files.createDirectory(candidate);
        } catch (FileAlreadyExistsException taken) {
          // Someone's folder, or another run's: try the next name.
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "output folder '" + dir + "' cannot be created: " + ResultFolder.reason(e, dir), e);
    }
  }
}
