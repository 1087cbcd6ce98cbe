package dev.attnbench.backend.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every kernel module the jar carries, loaded on first use, and a lookup of an entry by name across
 * them. The Java side therefore does not hard-code which .cu file holds which entry: the kernel
 * sources may be split or merged without touching this package.
 */
public final class KernelLibrary implements AutoCloseable {
  private final List<String> files;
  private final Map<String, KernelModule> loaded = new LinkedHashMap<>();
  private Map<String, String> entries;

  private KernelLibrary(List<String> files) {
    this.files = files;
  }

  /** The modules packaged under {@code /kernels/} (names without {@code .fatbin}). */
  public static KernelLibrary packaged() {
    return new KernelLibrary(packagedFiles());
  }

  /** Module names packaged under {@code /kernels/}, sorted. */
  public static List<String> packagedFiles() {
    TreeSet<String> names = new TreeSet<>();
    try {
      Path location =
          Path.of(KernelLibrary.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        Path dir = location.resolve("kernels");
        if (Files.isDirectory(dir)) {
          try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".fatbin"))
                .forEach(n -> names.add(n.substring(0, n.length() - ".fatbin".length())));
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry e : Collections.list(jar.entries())) {
            String n = e.getName();
            if (n.startsWith("kernels/") && n.endsWith(".fatbin") && n.indexOf('/', 8) < 0) {
              names.add(n.substring("kernels/".length(), n.length() - ".fatbin".length()));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the packaged kernels", e);
    } catch (URISyntaxException | SecurityException e) {
      throw new IllegalStateException("cannot locate the jar to list its kernels", e);
    }
    return List.copyOf(names);
  }

  public List<String> files() {
    return files;
  }

  /** The module {@code file}, loading it on first use. */
  public KernelModule module(String file) {
    KernelModule m = loaded.get(file);
    if (m == null) {
      m = KernelModule.load(file);
      loaded.put(file, m);
    }
    return m;
  }

  /** The module that exports {@code entry}, or a failure naming the modules searched. */
  public KernelModule moduleWith(String entry) {
    String file = entries().get(entry);
    if (file == null) {
      throw new CudaException(
          "no kernel module exports '"
              + entry
              + "' (searched "
              + (files.isEmpty() ? "none: the jar has no kernels" : files)
              + ")");
    }
    return module(file);
  }

  /**
   * Whether some packaged module exports {@code entry} (read from the manifests; loads nothing).
   */
  public boolean has(String entry) {
    return entries().containsKey(entry);
  }

  /**
   * Entry name to module, from the {@code kernels/<file>.entries} manifests that kernels/build.sh
   * writes beside each fatbin. Asking the driver instead (cuModuleGetFunction on each module until
   * one has it) works, but every miss is an API error that compute-sanitizer reports.
   */
  private Map<String, String> entries() {
    if (entries == null) {
      Map<String, String> map = new LinkedHashMap<>();
      for (String f : files) {
        for (String entry : KernelModule.packagedEntries(f)) {
          map.putIfAbsent(entry, f);
        }
      }
      entries = map;
    }
    return entries;
  }

  public Kernel kernel(String entry) {
    return moduleWith(entry).kernel(entry);
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (KernelModule m : loaded.values()) {
      try {
        m.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    loaded.clear();
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
