package dev.attnbench.cli;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracyRow;
import dev.attnbench.report.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --mma-path}: the CPU emulation of either instruction path's contract, so accuracy work for
 * an A100 or Ada card reproduces without one.
 */
class MmaPathOptionTest {

  @TempDir Path tmp;

  private static int accuracy(Path out, String... more) {
    String[] base = {
      "accuracy",
      "--seq-len",
      "200",
      "--head-dim",
      "128",
      "--method",
      "fp16,int8",
      "--rows",
      "16",
      "--backend",
      "cpu",
      "--seed",
      "11",
      "--out",
      out.toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return AttnBench.commandLine().execute(all);
  }

  @Test
  void theEmulationFollowsTheChosenPathAndRunJsonSaysWhich() throws Exception {
    Path wgmma = tmp.resolve("wgmma");
    Path mmaSync = tmp.resolve("mma-sync");
    assertEquals(0, accuracy(wgmma));
    assertEquals(0, accuracy(mmaSync, "--mma-path", "mma.sync"));

    assertEquals("wgmma", RunRecord.read(wgmma).get("mma_path"));
    assertEquals("mma.sync", RunRecord.read(mmaSync).get("mma_path"));
    List<AccuracyRow> a = AccuracyCsv.read(wgmma.resolve("accuracy.csv"));
    List<AccuracyRow> b = AccuracyCsv.read(mmaSync.resolve("accuracy.csv"));
    // Both methods' rows, or the loop below compares nothing.
    assertEquals(Set.of("fp16", "int8"), a.stream().map(AccuracyRow::method).collect(toSet()));
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      String method = a.get(i).method();
      if (method.equals("fp16")) {
        // fp16 at D=128 runs 64-key blocks on mma.sync, 128 on wgmma: other roundings
        assertNotEquals(a.get(i).error().relL2(), b.get(i).error().relL2(), "fp16");
      } else {
        // the INT8-P kernels keep 128-key blocks on both paths: the same bits
        assertEquals(a.get(i).error().relL2(), b.get(i).error().relL2(), method);
      }
    }
  }

  @Test
  void besideTheKernelsThePathIsTheirsAndTheFlagIsRefusedBeforeAnythingIsWritten() {
    Path out = tmp.resolve("refused");
    CliExitCodesTest.Result r =
        CliExitCodesTest.run(
            "accuracy", "--backend", "cuda", "--mma-path", "mma.sync", "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--mma-path mma.sync: the kernels run here"), r.err());
    assertFalse(Files.exists(out));
  }
}
