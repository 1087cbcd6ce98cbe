package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.report.ResultFolder;
import dev.attnbench.report.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

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

  @Option(names = "--force", description = "Overwrite a result folder that already holds a run.")
  boolean force;

  @Option(
      names = "--resume",
      paramLabel = "DIR",
      description =
          "Continue an interrupted run in DIR (same config and flags): finished points are kept, not rerun.")
  Path resume;

  boolean resuming() {
    return resume != null;
  }

  /**
   * The run's folder: the one {@code --resume} names (which must hold a run.json), else {@code
   * --out}, else {@code defaultDir} (or, where that holds a run already, the first free of {@code
   * defaultDir-2}, {@code -3}, …: a second run of the same day gets a folder of its own). A folder
   * named by {@code --out} that holds a run is refused without {@code --force}, and emptied of that
   * run with it ({@link ResultFolder#discardRun}).
   */
  ResultFolder open(Supplier<Path> defaultDir) {
    requireFolderPath("--out", out);
    if (resume != null) {
      if (out != null) {
        throw new InvalidInputException(
            "--resume and --out both given: --resume continues the folder it names");
      }
      if (!Files.exists(resume.resolve(RunRecord.FILE))) {
        throw new InvalidInputException(
            "--resume " + resume + ": not a result folder (no " + RunRecord.FILE + ")");
      }
      ResultFolder folder = ResultFolder.open(resume, true);
      folder.discardTemporaries();
      return folder;
    }
    Path dir = out != null ? out : firstFree(defaultDir.get());
    if (force && Files.isDirectory(dir) && ResultFolder.holdsRun(dir)) {
      ResultFolder.discardRun(dir);
    }
    return ResultFolder.open(dir, force);
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

  private static Path firstFree(Path dir) {
    Path free = dir;
    for (int i = 2; Files.exists(free) && ResultFolder.holdsRun(free); i++) {
      free = dir.resolveSibling(dir.getFileName() + "-" + i);
    }
    return free;
  }
}
