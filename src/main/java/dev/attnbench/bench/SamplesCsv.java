package dev.attnbench.bench;

import dev.attnbench.report.ResultFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Every sample of one latency point ({@code --save-samples}), for looking at a distribution that
 * the median, p10 and p90 summarize: one file per point under {@value #DIR}/, named by the point,
 * with the columns {@code sample,ms,sm_clock_mhz} in the order the samples were taken (warm-up
 * excluded). Each file is written atomically once its point is finished.
 */
public final class SamplesCsv {
  public static final String DIR = "samples";

  private SamplesCsv() {}

  /** The file of {@code row}'s point, relative to the result folder. */
  public static String fileOf(LatencyRow row) {
    return String.format(
        Locale.ROOT,
        "%s/%s_b%d_h%d_n%d_d%d%s_%s.csv",
        DIR,
        row.method(),
        row.batch(),
        row.heads(),
        row.seqLen(),
        row.headDim(),
        row.causal() ? "_causal" : "",
        row.scope());
  }

  /** Writes the samples of {@code row}'s point ({@code ms[i]} taken at clock {@code mhz[i]}). */
  public static void write(ResultFolder folder, LatencyRow row, double[] ms, double[] mhz) {
    if (ms.length != mhz.length) {
      throw new IllegalArgumentException(ms.length + " samples but " + mhz.length + " clocks");
    }
    folder.write(
        fileOf(row),
        w -> {
          try {
            w.write("sample,ms,sm_clock_mhz\n");
            for (int i = 0; i < ms.length; i++) {
              w.write(String.format(Locale.ROOT, "%d,%.6f,%.1f%n", i, ms[i], mhz[i]));
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
