package dev.attnbench.report;

import dev.attnbench.InvalidInputException;
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
import java.util.function.Consumer;

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

  private final Path dir;

  private ResultFolder(Path dir) {
    this.dir = dir;
  }

  public static ResultFolder open(Path dir, boolean force) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException("output '" + dir + "' exists and is not a folder");
    }
    if (!force) {
      for (String marker : RUN_MARKERS) {
        if (Files.exists(dir.resolve(marker))) {
          throw new InvalidInputException(
              "output folder '"
                  + dir
                  + "' already holds a run ("
                  + marker
                  + "); use --force to overwrite or choose another --out");
        }
      }
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidInputException(
          "output folder '" + dir + "' cannot be created: " + reason(e, dir), e);
    }
    return new ResultFolder(dir);
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
  static String reason(IOException e, Path... named) {
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
}
