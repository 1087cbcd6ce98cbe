package dev.attnbench.cli;

import dev.attnbench.backend.cuda.GpuReport;
import dev.attnbench.report.Environment;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code attn-bench info}: version, JVM, CPU, and whether a CUDA driver and GPU are visible. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the tool version, JVM, CPU and whether a CUDA GPU is visible.")
public final class InfoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    Environment.describe().forEach((k, v) -> System.out.printf("%-14s %s%n", k, v));
    GpuReport.print(System.out);
    return 0;
  }
}
