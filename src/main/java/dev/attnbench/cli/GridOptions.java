package dev.attnbench.cli;

import dev.attnbench.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The grid flags that the accuracy and latency sweeps share. A flag not given is null, so the
 * config file's value (or the sweep's default) stands.
 */
public final class GridOptions {

  @Option(
      names = "--seq-len",
      split = ",",
      paramLabel = "N",
      description =
          "Sequence lengths, e.g. 1024,4096 (default: the config's, else 1024 for accuracy and 1k to 16k for bench).")
  List<Integer> seqLen;

  @Option(
      names = "--head-dim",
      split = ",",
      paramLabel = "D",
      description =
          "Head dims (the CPU emulation takes multiples of 16 up to 256, the kernels 64 and 128).")
  List<Integer> headDim;

  @Option(
      names = "--batch",
      paramLabel = "B",
      description = "Batch size (default: the config's, else 1 for accuracy and 4 for bench).")
  Integer batch;

  @Option(
      names = "--heads",
      paramLabel = "H",
      description = "Heads (default: the config's, else 2 for accuracy and 32 for bench).")
  Integer heads;

  @Option(
      names = "--causal",
      split = ",",
      paramLabel = "false|true|both",
      description = "Causal masking: false, true, or both.")
  List<String> causal;

  @Option(
      names = "--method",
      split = ",",
      paramLabel = "METHOD",
      description =
          "Methods: fp16, fp8, fp8-e4m3, fp8-native, int8-half, int8, int8-plus, int8-plus-smoothk, int8+u8p, int8+qsum, int8+vchan, int8+smoothk.")
  List<String> methods;

  /** {@code --causal} as booleans, or null when not given. */
  List<Boolean> causal() {
    if (causal == null) {
      return null;
    }
    List<Boolean> values = new ArrayList<>();
    for (String c : causal) {
      switch (c.trim().toLowerCase(Locale.ROOT)) {
        case "false" -> values.add(false);
        case "true" -> values.add(true);
        case "both" -> values.addAll(List.of(false, true));
        default ->
            throw new InvalidInputException(
                "--causal '" + c + "' is not allowed (allowed: false, true, both)");
      }
    }
    // Not merged: the sweep refuses a value given twice, as on every other axis.
    return values;
  }
}
