package dev.attnbench.report;

import dev.attnbench.method.KernelTraits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Facts about the host and the tool build, recorded in every run.json and printed by {@code info}.
 */
public final class Environment {
  private Environment() {}

  public static String toolVersion() {
    String v = Environment.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  /** The commit the jar was built from (git.properties written at build time), or "unknown". */
  public static String gitCommit() {
    try (InputStream in = Environment.class.getResourceAsStream("/attn-bench-git.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String id = p.getProperty("git.commit.id.abbrev", "unknown");
        return Boolean.parseBoolean(p.getProperty("git.dirty", "false")) ? id + "-dirty" : id;
      }
    } catch (IOException e) {
      // fall through: an unreadable resource is the same as none
    }
    return "unknown";
  }

  public static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or unreadable
    }
    return System.getProperty("os.arch");
  }

  /** Host and build facts, in a stable order. */
  public static Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool_version", toolVersion());
    m.put("git_commit", gitCommit());
    m.put(
        "jvm",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    m.put("cpu", cpuModel());
    m.put("cpu_cores", Runtime.getRuntime().availableProcessors());
    m.put("max_heap_mib", Runtime.getRuntime().maxMemory() >> 20);
    // The arithmetic contract's block length per method and D (the emulation's, which the kernels
    // are checked against): it changed in kernels v22, and results under another one differ.
    m.put("key_blocks", KernelTraits.keyBlocks());
    return m;
  }
}
