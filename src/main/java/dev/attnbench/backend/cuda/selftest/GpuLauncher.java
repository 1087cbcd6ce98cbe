package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.backend.cuda.GpuReport;
import dev.attnbench.cli.AttnBench;
import dev.attnbench.cli.BenchCommand;
import dev.attnbench.cli.SelftestCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command line with the GPU commands added where the root does not register them yet
 * ({@code bench}, {@code selftest}, and {@code gpu-info}). Run as
 * {@code java -cp attn-bench.jar dev.attnbench.backend.cuda.selftest.GpuLauncher ...}
 * ({@code ATTN_BENCH_MAIN} in scripts/gpu-run.sh); once the root lists them, {@code java -jar} is the same.
 */
public final class GpuLauncher {
  private GpuLauncher() {}

  /** {@code gpu-info}: the device, the packaged kernels and their launch shapes. */
  @Command(name = "gpu-info", mixinStandardHelpOptions = true, description = "Print the CUDA device and kernels.")
  static final class GpuInfoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      GpuReport.print(System.out);
      return 0;
    }
  }

  public static void main(String[] args) {
    CommandLine cmd = AttnBench.commandLine();
    if (!cmd.getSubcommands().containsKey("bench")) {
      cmd.addSubcommand("bench", new BenchCommand());
    }
    if (!cmd.getSubcommands().containsKey("selftest")) {
      cmd.addSubcommand("selftest", new SelftestCommand());
    }
    if (!cmd.getSubcommands().containsKey("gpu-info")) {
      cmd.addSubcommand("gpu-info", new GpuInfoCommand());
    }
    System.exit(cmd.execute(args));
  }
}
