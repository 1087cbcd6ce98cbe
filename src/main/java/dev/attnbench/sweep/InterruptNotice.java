package dev.attnbench.sweep;

import dev.attnbench.report.RunRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Ctrl-C says during a sweep: how many rows are kept, where, and how to go on; run.json is
 * marked {@code interrupted}. The rows are on disk already (each finished point rewrites its file
 * atomically); the JVM runs this as a shutdown hook, which an ended sweep removes, so a normal exit
 * says nothing.
 */
final class InterruptNotice implements AutoCloseable {
  private final AtomicInteger kept;
  private final AtomicBoolean complete = new AtomicBoolean(false);
  private final Thread hook;

  /**
   * @param kept rows on disk now, the resumed ones included
   * @param file where they are
   * @param dir the result folder, for {@code --resume}
   */
  InterruptNotice(int kept, Path file, Path dir, PrintStream err) {
    this.kept = new AtomicInteger(kept);
    this.hook =
        new Thread(
            () -> {
              if (!complete.get()) {
                // --resume alone goes on with the flags run.json recorded.
                String resume =
                    RunRecord.markInterrupted(dir)
                        .map(command -> "attn-bench " + command + " --resume " + dir)
                        .orElse("the same command with --resume " + dir + " (and no --out)");
                err.printf(
                    this.kept.get() == 0
                        ? "%ninterrupted before a point finished: nothing kept; continue with %3$s%n"
                        : "%ninterrupted: %d rows kept in %s; continue with %s%n",
                    this.kept.get(),
                    file,
                    resume);
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** {@code rows} are on disk now. */
  void kept(int rows) {
    kept.set(rows);
  }

  /** The sweep ended: nothing to say. */
  void complete() {
    complete.set(true);
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is already exiting: the hook reports
    }
  }
}
