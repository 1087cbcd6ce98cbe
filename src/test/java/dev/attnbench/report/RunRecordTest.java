package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.method.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json records the block length (Bc) of the contract the results were computed under. */
class RunRecordTest {

  @TempDir Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void runJsonRecordsTheKeyBlockOfEveryMethodAtBothHeadDimsOnBothPaths() throws Exception {
    RunRecord.write(ResultFolder.open(tmp, true), Map.of("command", "test"));

    Map<String, Object> run = RunRecord.read(tmp);
    Map<String, Map<String, Map<String, Integer>>> paths =
        (Map<String, Map<String, Map<String, Integer>>>) run.get("key_blocks");

    assertEquals(2, paths.size());
    Map<String, Map<String, Integer>> wgmma = paths.get("wgmma");
    Map<String, Map<String, Integer>> mmaSync = paths.get("mma.sync");
    assertEquals(Method.values().length, wgmma.size());
    assertEquals(Method.values().length, mmaSync.size());
    // kernels v22: 128-key blocks at D=64 (v59: the widened FP8 kernels' too, on wgmma); v38: at
    // D=128 for the INT8 Q·Kᵀ kernels; v39: for fp16's and fp8-native's too; v60: the widened FP8
    // kernels' on wgmma
    assertEquals(128, wgmma.get("int8").get("64"));
    assertEquals(128, wgmma.get("fp16").get("64"));
    assertEquals(128, wgmma.get("fp8").get("64"));
    assertEquals(128, wgmma.get("fp8-e4m3").get("64"));
    assertEquals(128, wgmma.get("int8").get("128"));
    assertEquals(128, wgmma.get("int8-half").get("128"));
    assertEquals(128, wgmma.get("fp16").get("128"));
    assertEquals(128, wgmma.get("fp8-native").get("128"));
    assertEquals(128, wgmma.get("fp8-e4m3").get("128"));
    // v54: on mma.sync fp16 and int8-half run 64-key blocks at D=128, the rest as on wgmma
    assertEquals(64, mmaSync.get("fp16").get("128"));
    assertEquals(64, mmaSync.get("int8-half").get("128"));
    assertEquals(128, mmaSync.get("fp16").get("64"));
    assertEquals(128, mmaSync.get("int8").get("128"));
    assertEquals(64, mmaSync.get("fp8").get("64"));
    assertEquals(64, mmaSync.get("fp8-e4m3").get("128"));
    assertEquals("test", run.get("command"));
  }

  /** An interrupted run's run.json said "running" after its process had ended. */
  @Test
  void anInterruptedRunIsMarkedSoAndKeepsWhatItRecorded() throws Exception {
    RunRecord.write(
        ResultFolder.open(tmp, true), Map.of("command", "accuracy", "status", "running"));
    Map<String, Object> before = RunRecord.read(tmp);

    RunRecord.markInterrupted(tmp);

    Map<String, Object> after = RunRecord.read(tmp);
    assertEquals("interrupted", after.get("status"));
    assertTrue(Instant.parse((String) after.get("interrupted")).isAfter(Instant.EPOCH));
    after.remove("interrupted");
    before.put("status", "interrupted");
    assertEquals(before, after);
  }
}
