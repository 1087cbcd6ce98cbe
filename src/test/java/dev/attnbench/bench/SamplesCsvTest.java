package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnbench.report.ResultFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesCsvTest {
  private final long seed = System.nanoTime();
  private final SplittableRandom random = new SplittableRandom(seed);

  @TempDir Path dir;

  private LatencyRow row(String method, int n, boolean causal, String scope) {
    return new LatencyRow(
        method, 4, 32, n, 64, causal, scope, 0.1, 0.09, 0.12, 10, 300, "GPU", 1980, false);
  }

  @Test
  void eachPointGetsItsOwnFileNamedByItsShape() {
    assertEquals(
        "samples/int8-plus_b4_h32_n1024_d64_kernel.csv",
        SamplesCsv.fileOf(row("int8-plus", 1024, false, "kernel")));
    assertEquals(
        "samples/fp16_b4_h32_n17_d64_causal_end-to-end.csv",
        SamplesCsv.fileOf(row("fp16", 17, true, "end-to-end")));
  }

  @Test
  void samplesAreWrittenInOrderWithTheirClocks() throws IOException {
    int n = 1 + random.nextInt(300);
    double[] ms = new double[n];
    double[] mhz = new double[n];
    for (int i = 0; i < n; i++) {
      ms[i] = 0.05 + random.nextDouble();
      mhz[i] = 1500 + random.nextInt(500);
    }
    ResultFolder folder = ResultFolder.open(dir, false);
    LatencyRow r = row("int8", 1 + random.nextInt(20000), random.nextBoolean(), "kernel");
    SamplesCsv.write(folder, r, ms, mhz);
    List<String> lines = Files.readAllLines(dir.resolve(SamplesCsv.fileOf(r)));
    assertEquals(n + 1, lines.size(), "seed " + seed);
    assertEquals("sample,ms,sm_clock_mhz", lines.get(0));
    for (int i = 0; i < n; i++) {
      String[] f = lines.get(i + 1).split(",");
      assertEquals(i, Integer.parseInt(f[0]));
      assertEquals(ms[i], Double.parseDouble(f[1]), 1e-6, "seed " + seed + " sample " + i);
      assertEquals(mhz[i], Double.parseDouble(f[2]), 0.05, "seed " + seed + " sample " + i);
    }
    assertFalse(Files.exists(dir.resolve(SamplesCsv.fileOf(r) + ".tmp")));
  }

  @Test
  void samplesWithoutAClockEachAreRefused() {
    ResultFolder folder = ResultFolder.open(dir, false);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SamplesCsv.write(
                folder, row("fp16", 1024, false, "kernel"), new double[3], new double[2]));
  }
}
