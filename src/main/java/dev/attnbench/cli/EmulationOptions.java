package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import dev.attnbench.method.MmaPath;
import picocli.CommandLine.Option;

/**
 * {@code --mma-path}: whose arithmetic the CPU emulation follows. The kernels' contract differs by
 * instruction path in one place (Bc of fp16 and int8-half at D=128), so accuracy work for an A100
 * or Ada card reproduces on any machine only if the emulation can take that card's path.
 */
public final class EmulationOptions {

  @Option(
      names = "--mma-path",
      paramLabel = "wgmma|mma.sync",
      description =
          "The kernels' instruction path that the CPU emulation follows: wgmma (H100, H200; the"
              + " default without a GPU) or mma.sync (A100, Ada). Beside a GPU's kernels the"
              + " emulation follows theirs.")
  String mmaPath;

  /** The path asked for, or null when {@code --mma-path} is not given. */
  MmaPath requested() {
    if (mmaPath == null) {
      return null;
    }
    return MmaPath.byId(mmaPath.trim())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "--mma-path '" + mmaPath + "' is not allowed (allowed: wgmma, mma.sync)"));
  }
}
