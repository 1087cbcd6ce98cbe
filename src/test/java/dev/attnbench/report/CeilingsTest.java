package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The throughput charts' ceilings are the figures of the committed peak.cu run they cite, not
 * numbers typed in: each one is read back from that run's log (the first call, random operands,
 * three warpgroups for wgmma) and compared to the TFLOP/s it prints.
 */
class CeilingsTest {

  static final Path LOG =
      Path.of("results/2026-12-04-h200-stop50-verify/peak/call1-peak-random.log");

  @Test
  void everyCeilingIsItsMeasuredFigure() throws IOException {
    List<String> lines = Files.readAllLines(LOG);
    for (Charts.Ceiling c : Charts.Ceiling.values()) {
      String type = c.name.split(" ")[0];
      // the wgmma rows of three warpgroups (12 warps an SM) are the kernels' shape
      String warps = c.path.id().equals("wgmma") ? "12" : "32";
      List<String[]> rows =
          lines.stream()
              .filter(l -> l.startsWith(c.path.id() + " "))
              .map(l -> l.trim().split("\\s+"))
              .filter(f -> f[2].equals(type) && f[3].equals(warps))
              .toList();
      assertEquals(1, rows.size(), c + ": one row in " + LOG);
      double measured = Double.parseDouble(rows.get(0)[6]);
      assertTrue(measured > 100, c + " reads a throughput, not another column: " + measured);
      assertEquals(Math.round(measured), c.teraOps, 0, c.toString());
    }
  }
}
