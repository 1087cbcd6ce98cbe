package dev.attnbench.cli;

import dev.attnbench.backend.cuda.GpuReport;
import dev.attnbench.method.KernelTraits;
import dev.attnbench.report.Environment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code attn-bench info}: version and commit, JVM, OS, CPU, each method's key block, whether a
 * CUDA driver and GPU are visible, and the kernels.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Print the tool version and commit, JVM, OS, CPU, each method's key-block length per"
            + " instruction path, whether a CUDA GPU is visible, and the kernels (with their launch"
            + " shapes on a GPU).")
public final class InfoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Environment.describe()
        .forEach(
            (k, v) -> {
              if (k.equals("key_blocks")) {
                keyBlockLines(KernelTraits.keyBlocks())
                    .forEach(line -> System.out.printf("%-14s %s%n", k, line));
              } else {
                System.out.printf("%-14s %s%n", k, v);
              }
            });
    GpuReport.print(System.out);
    return 0;
  }

  /**
   * The key block of each method, one line per instruction path, methods with the same blocks
   * together: "wgmma: Bc at D=64/128 128/128 (fp16, …)", where run.json keeps the full map.
   */
  static List<String> keyBlockLines(Map<String, Map<String, Map<String, Integer>>> all) {
    List<String> lines = new ArrayList<>();
    all.forEach(
        (path, byMethod) -> {
          Map<String, List<String>> groups = new LinkedHashMap<>();
          byMethod.forEach(
              (method, byD) ->
                  groups
                      .computeIfAbsent(
                          byD.values().stream()
                              .map(String::valueOf)
                              .collect(Collectors.joining("/")),
                          b -> new ArrayList<>())
                      .add(method));
          lines.add(
              path
                  + ": Bc at D="
                  + String.join("/", byMethod.values().iterator().next().keySet())
                  + " "
                  + groups.entrySet().stream()
                      .map(g -> g.getKey() + " (" + String.join(", ", g.getValue()) + ")")
                      .collect(Collectors.joining("; ")));
        });
    return lines;
  }
}
