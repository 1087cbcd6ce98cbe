package dev.attnbench.sweep;

import dev.attnbench.InvalidInputException;
import dev.attnbench.input.Distribution;
import dev.attnbench.method.Method;
import java.util.List;
import java.util.function.Function;

/**
 * Builds an {@link AccuracySweep} from a config file's section and the command line's flags (both
 * as {@link SweepConfig.Accuracy}; a null field is "not given"). Flags win over the file, the file
 * over the defaults below.
 */
public final class AccuracySweeps {
  private AccuracySweeps() {}

  /** Defaults when neither the file nor a flag says: a quick, meaningful run. */
  public static final SweepConfig.Accuracy DEFAULTS =
      new SweepConfig.Accuracy(
          1,
          2,
          List.of(1024),
          List.of(64),
          List.of(false),
          List.of("normal", "uniform"),
          List.of("fp16", "fp8", "fp8-e4m3", "int8-half", "int8", "int8-plus"),
          256,
          null,
          42L);

  public static AccuracySweep resolve(SweepConfig.Accuracy file, SweepConfig.Accuracy flags) {
    SweepConfig.Accuracy none =
        new SweepConfig.Accuracy(null, null, null, null, null, null, null, null, null, null);
    SweepConfig.Accuracy f = file == null ? none : file;
    SweepConfig.Accuracy c = flags == null ? none : flags;
    return new AccuracySweep(
        pick(c, f, SweepConfig.Accuracy::batch),
        pick(c, f, SweepConfig.Accuracy::heads),
        pick(c, f, SweepConfig.Accuracy::seqLen),
        pick(c, f, SweepConfig.Accuracy::headDim),
        pick(c, f, SweepConfig.Accuracy::causal),
        pick(c, f, SweepConfig.Accuracy::distributions).stream().map(Distribution::parse).toList(),
        pick(c, f, SweepConfig.Accuracy::methods).stream().map(AccuracySweeps::method).toList(),
        pick(c, f, SweepConfig.Accuracy::rows),
        c.softmaxScale() != null ? c.softmaxScale() : f.softmaxScale(),
        pick(c, f, SweepConfig.Accuracy::seed));
  }

  private static <T> T pick(
      SweepConfig.Accuracy flags,
      SweepConfig.Accuracy file,
      Function<SweepConfig.Accuracy, T> field) {
    T v = field.apply(flags);
    if (v == null) v = field.apply(file);
    if (v == null) v = field.apply(DEFAULTS);
    return v;
  }

  private static Method method(String id) {
    try {
      return Method.parse(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }
}
