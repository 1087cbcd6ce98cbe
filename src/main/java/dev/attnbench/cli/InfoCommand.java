package dev.attnbench.cli;

import dev.attnbench.backend.cuda.GpuPresence;
import dev.attnbench.backend.cuda.KernelLibrary;
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
    System.out.printf("%-14s %s%n", "gpu", GpuPresence.probe().describe());
    System.out.printf("%-14s %s%n", "kernels", KernelLibrary.packagedFiles().isEmpty() ? "none (built without nvcc)" : KernelLibrary.packagedFiles());
    return 0;
  }
}
