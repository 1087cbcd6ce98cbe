package dev.attnbench.report;

import dev.attnbench.InvalidInputException;
import dev.attnbench.bench.SamplesCsv;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A result folder. Every file is written under a temporary name and moved into place, so an
 * interrupted run never leaves a half-written file under a final name. A folder that already holds
 * a run is refused unless the caller forces it.
 */
public final class ResultFolder {

  /** Files whose presence means "this folder holds a run". */
  private static final List<String> RUN_MARKERS =
      List.of(
          "run.json", "accuracy.csv", "latency.csv", "accuracy.csv.partial", "latency.csv.partial");

  /** The files an interrupted run keeps its finished rows in. */
  private static final List<String> PARTIALS = RUN_MARKERS.subList(3, 5);

  private final Path dir;

  private ResultFolder(Path dir) {
    this.dir = dir;
  }

  public static ResultFolder open(Path dir, boolean force) {
    checkFree(dir, force);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException(
          "output folder '" + dir + "' cannot be created: " + reason(e, dir), e);
    }
    return new ResultFolder(dir);
  }

  /**
   * What {@link #open} checks before it makes the folder: one that could take a result ({@link
   * #checkWritable}) and, unless {@code force}, holds no run.
   */
  public static void checkFree(Path dir, boolean force) {
    checkWritable(dir);
    if (!force) {
      // Ctrl-C's message says to resume; a user who runs the command again as it was gets told
      // the same, since --force, the other way out, would drop the rows it kept.
      Optional<Interrupted> cut = interrupted(dir);
      if (cut.isPresent()) {
        throw new InvalidInputException(
            "output folder '"
                + dir
                + "' holds "
                + cut.get().describe()
                + ": continue it with --resume "
                + dir
                + " in place of --out, or start over with --force (which drops those rows)");
      }
      for (String marker : RUN_MARKERS) {
        if (Files.exists(dir.resolve(marker))) {
          throw new InvalidInputException(
              "output folder '"
                  + dir
                  + "' already holds a run ("
                  + marker
                  + "); use --force to overwrite or choose another folder");
        }
      }
    }
  }

  /**
   * Refuses, before any work, a folder that could not take a result: a file of that name, or a
   * folder (or, where it does not exist yet, the nearest folder above it) this process may not
   * write. Else the failure came after the run, as an I/O error (exit 1) that lost it.
   */
  public static void checkWritable(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException("output '" + dir + "' exists and is not a folder");
    }
    Path existing = dir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return; // No root: createDirectories will say what is wrong.
    }
    if (!Files.isDirectory(existing)) {
      // The operating system's words for it, as createDirectories reports them.
      throw new InvalidInputException(
          "output folder '" + dir + "' cannot be created: Not a directory");
    }
    if (!Files.isWritable(existing)) {
      throw new InvalidInputException(
          "output folder '"
              + dir
              + "' "
              + (existing.equals(dir.toAbsolutePath())
                  ? "is not writable (permission denied)"
                  : "cannot be created: permission denied (" + existing + ")"));
    }
  }

  public Path dir() {
    return dir;
  }

  public Path resolve(String name) {
    return dir.resolve(name);
  }

  /** Writes {@code name} atomically: to {@code name.tmp}, then a move over the final name. */
  public void write(String name, Consumer<Writer> content) {
    atomically(
        name,
        tmp -> {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            content.accept(w);
          }
        });
  }

  /** Something that writes bytes and may fail with an IOException. */
  @FunctionalInterface
  public interface ByteContent {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes binary {@code name} atomically, like {@link #write}. */
  public void writeBytes(String name, ByteContent content) {
    atomically(
        name,
        tmp -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            content.writeTo(out);
          }
        });
  }

  /** Fills the temporary file. */
  @FunctionalInterface
  private interface TmpContent {
    void writeTo(Path tmp) throws IOException;
  }

  /**
   * Fills {@code name.tmp} and moves it over {@code name}; if anything stops it, the temporary file
   * is deleted and the failure passes on. Any Throwable, not only IOException: a writer can die of
   * an Error (a chart encoder whose native font library is missing throws UnsatisfiedLinkError),
   * and a half-written file must not stay behind then either.
   */
  private void atomically(String name, TmpContent content) {
    Path target = dir.resolve(name);
    Path tmp = dir.resolve(name + ".tmp");
    IOException failed;
    try {
      Files.createDirectories(target.getParent());
      try {
        content.writeTo(tmp);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (Throwable failure) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException | RuntimeException cleanup) {
          failure.addSuppressed(cleanup);
        }
        throw failure;
      }
      return;
    } catch (IOException e) {
      failed = e;
    } catch (UncheckedIOException e) {
      // A Writer's IOException, which the content had to wrap to get out of a lambda.
      failed = e.getCause();
    }
    throw new UncheckedIOException(
        "cannot write " + target + ": " + reason(failed, target, tmp), failed);
  }

  /**
   * The operating system's reason for {@code e}, on one line, and the file it concerns where that
   * is none of {@code named} (a folder on the way, not the file the message names). The NIO
   * exceptions of the commonest errors carry only the path, their class being the reason.
   */
  public static String reason(IOException e, Path... named) {
    String why;
    if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      why = "no such file or folder";
    } else if (e instanceof FileAlreadyExistsException) {
      // Only creating a folder meets this here: a file of that name is in the way.
      why = "exists and is not a folder";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      why = f.getReason();
    } else {
      why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
    if (e instanceof FileSystemException f
        && f.getFile() != null
        && !List.of(named).contains(Path.of(f.getFile()))) {
      why += " (" + f.getFile() + ")";
    }
    return why.replaceAll("\\s*\\R\\s*", " ");
  }

  public void writeString(String name, String text) {
    write(
        name,
        w -> {
          try {
            w.write(text);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** Deletes the file {@code name} of this folder, if there is one. */
  public void delete(String name) {
    try {
      Files.deleteIfExists(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + name + " in " + dir + ": " + reason(e), e);
    }
  }

  /** Moves {@code from} onto {@code to} (both names in this folder), replacing it. */
  public void promote(String from, String to) {
    try {
      Files.move(
          dir.resolve(from),
          dir.resolve(to),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move " + from + " to " + to + " in " + dir + ": " + reason(e), e);
    }
  }

  /**
   * Deletes the {@code *.tmp} files an interrupted run left: Ctrl-C ends the JVM in the middle of a
   * write without running its cleanup, so a resumed run starts without them.
   */
  public void discardTemporaries() {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }

  /**
   * A run cut short: the command that made it (null where run.json does not say) and the .partial
   * files that hold the rows it finished (none when it stopped before its first).
   */
  public record Interrupted(String command, List<String> partials) {

    /** "an interrupted run of 'reproduce' (accuracy.csv.partial holds the rows it finished)". */
    public String describe() {
      return "an interrupted run"
          + (command != null ? " of '" + command + "'" : "")
          + (partials.isEmpty()
              ? ""
              : " (" + String.join(", ", partials) + " holds the rows it finished)");
    }
  }

  /**
   * The interrupted run in {@code dir}, if it holds one: a run interrupted keeps its rows so far in
   * a .partial file and marks run.json "interrupted" ({@link RunRecord#markInterrupted}), and only
   * {@code --resume} turns them into the CSV a report reads.
   */
  public static Optional<Interrupted> interrupted(Path dir) {
    List<String> partials = PARTIALS.stream().filter(f -> Files.exists(dir.resolve(f))).toList();
    Map<String, Object> run;
    try {
      run = Files.exists(dir.resolve(RunRecord.FILE)) ? RunRecord.read(dir) : Map.of();
    } catch (IOException | RuntimeException e) {
      run = Map.of(); // a damaged run.json: the .partial files alone may still tell
    }
    if (partials.isEmpty() && !"interrupted".equals(run.get("status"))) return Optional.empty();
    Object command = run.get("command");
    return Optional.of(new Interrupted(command == null ? null : command.toString(), partials));
  }

  /** Whether {@code dir} holds a run (one of the files a run leaves). */
  public static boolean holdsRun(Path dir) {
    return RUN_MARKERS.stream().anyMatch(m -> Files.exists(dir.resolve(m)));
  }

  /**
   * What a run writes beside its markers: the report, its claims as data, JMH's table, and their
   * temporary forms.
   */
  private static final List<String> RUN_OUTPUTS = List.of("REPORT.md", ClaimsCsv.FILE, JmhCsv.FILE);

  /** The folder of the charts, and their kinds of file. */
  private static final String CHARTS = "charts";

  private static final List<String> CHART_FILES = List.of(".png", ".svg");

  /** Folders a run fills, and the kind of file it puts there. */
  private static final Map<String, List<String>> RUN_FOLDERS =
      Map.of(CHARTS, CHART_FILES, SamplesCsv.DIR, List.of(".csv"));

  /**
   * Deletes what an earlier run wrote into {@code dir}, for {@code --force}: its CSVs, run.json,
   * REPORT.md, charts and samples, so that the new run's report does not mix in the old one's files
   * (a latency.csv left beside a new accuracy-only run was reported as this run's). Only the files
   * the tool writes: anything else in the folder stays.
   */
  public static void discardRun(Path dir) {
    try {
      for (String name : concat(RUN_MARKERS, RUN_OUTPUTS)) {
        Files.deleteIfExists(dir.resolve(name));
        Files.deleteIfExists(dir.resolve(name + ".tmp"));
      }
      for (Map.Entry<String, List<String>> folder : RUN_FOLDERS.entrySet()) {
        discardFiles(dir.resolve(folder.getKey()), folder.getValue());
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          "--force: cannot remove the earlier run in '" + dir + "': " + e);
    }
  }

  /**
   * Deletes the charts an earlier report drew here (every PNG and SVG in charts/, and their
   * temporary files), before a report draws its own: a chart of data the new report no longer has
   * (a distribution gone from the CSV, a run left out of a comparison) would stay beside a
   * REPORT.md that never mentions it. Other files in charts/ stay.
   */
  public void discardCharts() {
    try {
      discardFiles(dir.resolve(CHARTS), CHART_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the earlier charts in " + dir.resolve(CHARTS) + ": " + reason(e), e);
    }
  }

  /**
   * Deletes the files of {@code sub} ending in one of {@code kinds} (or a kind and ".tmp"), and
   * {@code sub} itself if nothing else is left in it.
   */
  private static void discardFiles(Path sub, List<String> kinds) throws IOException {
    if (!Files.isDirectory(sub)) {
      return;
    }
    try (Stream<Path> files = Files.list(sub)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (kinds.stream().anyMatch(ext -> name.endsWith(ext) || name.endsWith(ext + ".tmp"))) {
          Files.delete(f);
        }
      }
    }
    try (Stream<Path> left = Files.list(sub)) {
      if (left.findAny().isEmpty()) {
        Files.delete(sub);
      }
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
