package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.attnbench.input.Distribution;
import dev.attnbench.method.Method;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The accuracy sweep from a config section and the flags: flags first, then the file. */
class AccuracySweepsTest {

  /**
   * The defaults `accuracy --help` states: B=1, H=2, N=1024, D=64, non-causal, normal and uniform,
   * the six methods of the paper's comparison, 256 rows, seed 42, the softmax scale left to 1/√D.
   */
  @Test
  void withNeitherFileNorFlagsTheSweepIsTheDocumentedDefault() {
    AccuracySweep sweep = AccuracySweeps.resolve(null, null);
    assertEquals(1, sweep.batch());
    assertEquals(2, sweep.heads());
    assertEquals(List.of(1024), sweep.seqLens());
    assertEquals(List.of(64), sweep.headDims());
    assertEquals(List.of(false), sweep.causal());
    assertEquals(
        List.of(Distribution.parse("normal"), Distribution.parse("uniform")),
        sweep.distributions());
    assertEquals(
        List.of(
            Method.FP16,
            Method.FP8,
            Method.FP8_E4M3,
            Method.INT8_HALF,
            Method.INT8,
            Method.INT8_PLUS),
        sweep.methods());
    assertEquals(256, sweep.rows());
    assertEquals(42L, sweep.seed());
    assertNull(sweep.softmaxScale());
  }

  /** Each flag wins over the file's value, and the file's over the default, axis by axis. */
  @Test
  void flagsWinOverTheFileAndTheFileOverTheDefaults() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    int fileRows = 8 + random.nextInt(100);
    int flagRows = 200 + random.nextInt(100);
    double fileScale = random.nextDouble(0.1, 1);
    double flagScale = random.nextDouble(1, 2);
    long fileSeed = random.nextLong();
    SweepConfig.Accuracy file =
        new SweepConfig.Accuracy(
            2,
            4,
            List.of(256),
            List.of(128),
            List.of(true),
            List.of("outlier"),
            List.of("int8"),
            fileRows,
            fileScale,
            fileSeed);
    SweepConfig.Accuracy flags =
        new SweepConfig.Accuracy(
            null, 3, null, List.of(32), null, List.of("normal"), null, flagRows, flagScale, null);
    AccuracySweep sweep = AccuracySweeps.resolve(file, flags);
    String why = "seed " + seed;
    assertEquals(2, sweep.batch(), why);
    assertEquals(3, sweep.heads(), why);
    assertEquals(List.of(256), sweep.seqLens(), why);
    assertEquals(List.of(32), sweep.headDims(), why);
    assertEquals(List.of(true), sweep.causal(), why);
    assertEquals(List.of(Distribution.parse("normal")), sweep.distributions(), why);
    assertEquals(List.of(Method.INT8), sweep.methods(), why);
    assertEquals(flagRows, sweep.rows(), why);
    assertEquals(flagScale, sweep.softmaxScale(), why);
    assertEquals(fileSeed, sweep.seed(), why);
    // Without the flags, the file's scale and rows.
    AccuracySweep fromFile = AccuracySweeps.resolve(file, null);
    assertEquals(fileScale, fromFile.softmaxScale(), why);
    assertEquals(fileRows, fromFile.rows(), why);
  }
}
