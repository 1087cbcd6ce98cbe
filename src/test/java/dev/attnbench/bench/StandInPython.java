package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.input.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in interpreter for a peer's script: a shell script that ignores the script and its flags,
 * writes the given stdout and stderr and exits with the given code, so that {@link PythonPeer}
 * reads what a real script would leave, without torch or a GPU.
 */
public final class StandInPython {
  private static final AtomicLong NEXT = new AtomicLong();

  /** A request small enough for a real peer, for tests that run one or a stand-in. */
  public static final PythonPeer.Request TINY =
      new PythonPeer.Request(
          1,
          1,
          List.of(128),
          List.of(64),
          List.of(false),
          OptionalDouble.of(1.3),
          0.05,
          0.1,
          L2Flush.READ,
          false,
          Distribution.parse("uniform(-1,1)"));

  private StandInPython() {}

  /** The stand-in's path, written into {@code dir}. */
  public static String write(Path dir, String stdout, String stderr, int code) throws IOException {
    long id = NEXT.incrementAndGet();
    Path out = Files.writeString(dir.resolve("stand-in-" + id + ".out"), stdout);
    Path err = Files.writeString(dir.resolve("stand-in-" + id + ".err"), stderr);
    Path sh = dir.resolve("stand-in-python-" + id);
    Files.writeString(
        sh, "#!/bin/sh\ncat '" + out + "'\ncat '" + err + "' >&2\nexit " + code + "\n");
    assertTrue(sh.toFile().setExecutable(true));
    return sh.toString();
  }
}
