package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.method.MmaPath;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which entry of a kernel runs at a sequence length, from the N bounds the entries export. */
class EntryChoiceTest {

  private static LaunchShape shape(int rows, int bound) {
    return shape(rows, bound, bound);
  }

  private static LaunchShape shape(int rows, int bound, int causalBound) {
    return new LaunchShape(
        rows, 128, rows == 64 ? 128 : 512, 40_960, bound, false, causalBound, false, MmaPath.WGMMA);
  }

  @Test
  void theShortEntryRunsUpToItsBoundAndTheMainEntryAboveIt() {
    int bound = 1024 << new SplittableRandom(5).nextInt(4); // 1k … 8k, as the kernels export
    Map<String, LaunchShape> shapes =
        Map.of(
            "attn_x_d64", shape(192, LaunchShape.ANY_SEQ_LEN),
            "attn_x_d64_short", shape(64, bound));
    List<String> entries = List.of("attn_x_d64", "attn_x_d64_short");
    for (int n : new int[] {1, 17, bound - 1, bound}) {
      assertEquals(
          "attn_x_d64_short",
          CudaAttention.entryFor("attn_x_d64", entries, shapes::get, n, false),
          "N=" + n);
    }
    for (int n : new int[] {bound + 1, 2 * bound, 1 << 20}) {
      assertEquals(
          "attn_x_d64",
          CudaAttention.entryFor("attn_x_d64", entries, shapes::get, n, false),
          "N=" + n);
    }
  }

  @Test
  void anEntryTheImageDoesNotBuildNeverRuns() {
    Map<String, LaunchShape> shapes =
        Map.of(
            "attn_x_d64", shape(128, LaunchShape.ANY_SEQ_LEN),
            "attn_x_d64_short", shape(64, LaunchShape.NOT_BUILT));
    for (int n : new int[] {1, 1000, 4096}) {
      assertEquals(
          "attn_x_d64",
          CudaAttention.entryFor(
              "attn_x_d64", List.of("attn_x_d64", "attn_x_d64_short"), shapes::get, n, n % 2 == 0));
    }
  }

  @Test
  void aKernelWithOneEntryAlwaysRunsIt() {
    Map<String, LaunchShape> shapes = Map.of("attn_x_d128", shape(192, LaunchShape.ANY_SEQ_LEN));
    assertEquals(
        "attn_x_d128",
        CudaAttention.entryFor("attn_x_d128", List.of("attn_x_d128"), shapes::get, 512, true));
  }

  @Test
  void underTheCausalMaskTheShortEntryRunsUpToItsCausalBound() {
    Map<String, LaunchShape> shapes =
        Map.of(
            "attn_x_d128", shape(192, LaunchShape.ANY_SEQ_LEN),
            "attn_x_d128_short", shape(192, 1024, 2048));
    List<String> entries = List.of("attn_x_d128", "attn_x_d128_short");
    for (int n : new int[] {1025, 1500, 2048}) {
      assertEquals(
          "attn_x_d128", CudaAttention.entryFor("attn_x_d128", entries, shapes::get, n, false));
      assertEquals(
          "attn_x_d128_short",
          CudaAttention.entryFor("attn_x_d128", entries, shapes::get, n, true),
          "N=" + n);
    }
    assertEquals(
        "attn_x_d128", CudaAttention.entryFor("attn_x_d128", entries, shapes::get, 2049, true));
  }

  @Test
  void aShortEntryIsNamedForItsKernelAndLoggedAsShort() {
    String main = "attn_x_d" + (new SplittableRandom().nextBoolean() ? 64 : 128);
    String shortEntry = KernelEntries.shortOf(main);
    assertEquals(main + "_short", shortEntry);
    assertEquals(main, KernelEntries.mainOf(shortEntry));
    assertEquals(main + "_maps", KernelEntries.mainOf(main + "_maps"));
    assertEquals("short", KernelEntries.kind(shortEntry));
    assertEquals("", KernelEntries.kind(main));
    assertEquals("", KernelEntries.boundedSuffix(main + "_maps"));
    // v44-v65's causal-only entries are gone: such a name is not a bounded entry.
    assertEquals("", KernelEntries.boundedSuffix(main + "_causal"));
  }
}
