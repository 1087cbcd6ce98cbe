package dev.attnbench.backend.cuda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVIDIA kernel driver's version ("580.159.04"), which run.json records beside the CUDA version
 * the driver supports: two drivers of one CUDA version can clock and schedule differently, and the
 * driver API that JCuda wraps reports only the CUDA version (NVML, which has the other, is not on
 * its path). Linux publishes it in /proc; elsewhere it is not known, and not recorded.
 */
public final class DriverVersion {
  private DriverVersion() {}

  private static final Path PROC = Path.of("/proc/driver/nvidia/version");

  /** The version in "NVRM version: NVIDIA UNIX [Open] Kernel Module [for x86_64] 580.159.04 …". */
  private static final Pattern VERSION =
      Pattern.compile("NVRM version:.*?Module.*?\\s(\\d+\\.\\d+(?:\\.\\d+)*)(?:\\s|$)");

  /** This host's driver version, if the kernel publishes it. */
  public static Optional<String> read() {
    try {
      return Files.isReadable(PROC) ? parse(Files.readString(PROC)) : Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** The version in the text of /proc/driver/nvidia/version, if it holds one. */
  static Optional<String> parse(String text) {
    Matcher m = VERSION.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
