package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.report.ResultFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyCsvTest {
  private final long seed = System.nanoTime();

  @TempDir Path dir;

  @Test
  void everyAppendedRowIsOnDiskAndReadsBackEqual() throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    LatencyCsv csv = new LatencyCsv(ResultFolder.open(dir, false));
    for (int i = 0; i < 3; i++) {
      double median = 0.1 + random.nextDouble();
      csv.append(
          new LatencyRow(
              "int8",
              4,
              32,
              1024 << i,
              64,
              random.nextBoolean(),
              "kernel",
              median,
              median * 0.99,
              median * 1.01,
              10 + random.nextInt(100),
              random.nextDouble() * 500,
              "NVIDIA H100 80GB HBM3",
              1700 + random.nextInt(300),
              random.nextBoolean()));
      List<LatencyRow> back = LatencyCsv.read(dir.resolve(LatencyCsv.FILE));
      assertEquals(csv.rows(), back, "seed " + seed);
    }
    assertEquals(
        LatencyCsv.COLUMNS,
        List.of(Files.readAllLines(dir.resolve(LatencyCsv.FILE)).get(0).split(",")));
  }
}
