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
  void theMidEntryRunsAboveTheShortEntrysBoundAndUpToItsOwn() {
    // As the INT8-P kernels at D = 128 (v71): short up to 4k (8k causal), mid up to 8k (16k).
    int shortBound = 1024 << new SplittableRandom().nextInt(3); // 1k … 4k
    int midBound = 2 * shortBound;
    Map<String, LaunchShape> shapes =
        Map.of(
            "attn_x_d128", shape(192, LaunchShape.ANY_SEQ_LEN),
            "attn_x_d128_short", shape(64, shortBound, 2 * shortBound),
            "attn_x_d128_mid", shape(192, midBound, 2 * midBound));
    List<String> entries = List.of("attn_x_d128", "attn_x_d128_short", "attn_x_d128_mid");
    for (boolean causal : new boolean[] {false, true}) {
      int s = causal ? 2 * shortBound : shortBound;
      int m = causal ? 2 * midBound : midBound;
      String mask = causal ? " causal" : "";
      for (int n : new int[] {1, s - 1, s}) {
        assertEquals(
            "attn_x_d128_short",
            CudaAttention.entryFor("attn_x_d128", entries, shapes::get, n, causal),
            "N=" + n + mask);
      }
      for (int n : new int[] {s + 1, m - 1, m}) {
        assertEquals(
            "attn_x_d128_mid",
            CudaAttention.entryFor("attn_x_d128", entries, shapes::get, n, causal),
            "N=" + n + mask);
      }
      assertEquals(
          "attn_x_d128",
          CudaAttention.entryFor("attn_x_d128", entries, shapes::get, m + 1, causal),
          "N=" + (m + 1) + mask);
    }
    // What info prints: each bounded entry's own range, above the bounds of those before it.
    assertEquals(
        ", runs for N <= " + shortBound + " (causal: N <= " + 2 * shortBound + ")",
        GpuReport.runsFor(shapes.get("attn_x_d128_short"), List.of()));
    assertEquals(
        ", runs for "
            + shortBound
            + " < N <= "
            + midBound
            + " (causal: "
            + 2 * shortBound
            + " < N <= "
            + 2 * midBound
            + ")",
        GpuReport.runsFor(shapes.get("attn_x_d128_mid"), List.of(shapes.get("attn_x_d128_short"))));
  }

  @Test
  void boundedEntriesAreNamedForTheirKernelAndLoggedByKind() {
    String main = "attn_x_d" + (new SplittableRandom().nextBoolean() ? 64 : 128);
    assertEquals(List.of(main + "_short", main + "_mid"), KernelEntries.boundedEntries(main));
    String shortEntry = main + KernelEntries.SHORT_SUFFIX;
    String midEntry = main + KernelEntries.MID_SUFFIX;
    assertEquals(main, KernelEntries.mainOf(shortEntry));
    assertEquals(main, KernelEntries.mainOf(midEntry));
    assertEquals(main + "_maps", KernelEntries.mainOf(main + "_maps"));
    assertEquals("short", KernelEntries.kind(shortEntry));
    assertEquals("mid", KernelEntries.kind(midEntry));
    assertEquals("", KernelEntries.kind(main));
    assertEquals("", KernelEntries.boundedSuffix(main + "_maps"));
    // v44-v65's causal-only entries are gone: such a name is not a bounded entry.
    assertEquals("", KernelEntries.boundedSuffix(main + "_causal"));
  }
}
