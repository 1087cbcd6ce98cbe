package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.method.MmaPath;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which sequence lengths an entry is for, from the N bound its launch constant exports. */
class LaunchShapeTest {

  private static LaunchShape withBound(int bound) {
    return new LaunchShape(64, 128, 128, 40_960, bound, false, bound, false, MmaPath.WGMMA);
  }

  @Test
  void aMainEntryServesEveryLength() {
    LaunchShape main = withBound(LaunchShape.ANY_SEQ_LEN);
    assertTrue(main.built());
    for (int n : new int[] {1, 1025, 4096, 1 << 20}) {
      assertTrue(main.serves(n, false), "N=" + n);
      assertTrue(main.serves(n, true), "N=" + n);
    }
  }

  @Test
  void aShortSequenceEntryServesUpToItsBoundInclusive() {
    LaunchShape shortSeq = withBound(2048);
    assertTrue(shortSeq.built());
    assertTrue(shortSeq.serves(1, false));
    assertTrue(shortSeq.serves(2048, false));
    assertFalse(shortSeq.serves(2049, false));
  }

  @Test
  void anEntryTheImageDoesNotBuildServesNothing() {
    LaunchShape empty = withBound(LaunchShape.NOT_BUILT);
    assertFalse(empty.built());
    assertFalse(empty.serves(1, false));
    assertFalse(empty.serves(1, true));
    assertFalse(empty.serves(1 << 20, false));
  }

  @Test
  void aShortSequenceEntryServesUpToItsCausalBoundUnderTheMask() {
    LaunchShape shortSeq =
        new LaunchShape(192, 128, 512, 200_000, 1024, true, 2048, false, MmaPath.WGMMA);
    assertTrue(shortSeq.serves(1024, false));
    assertFalse(shortSeq.serves(1025, false));
    assertTrue(shortSeq.serves(1025, true));
    assertTrue(shortSeq.serves(2048, true));
    assertFalse(shortSeq.serves(2049, true));
    assertEquals(1024, shortSeq.seqLenBound(false));
    assertEquals(2048, shortSeq.seqLenBound(true));
  }

  @Test
  void aBoundBelowMinusOneIsRejected() {
    // -2 was a causal-only entry's bound (kernels v44 to v65); no entry exports it since v66.
    int bound = -2 - new SplittableRandom().nextInt(1000);
    assertThrows(CudaException.class, () -> withBound(bound));
    assertThrows(
        CudaException.class,
        () -> new LaunchShape(64, 128, 128, 40_960, bound, true, 2048, false, MmaPath.WGMMA));
    assertThrows(
        CudaException.class,
        () -> new LaunchShape(64, 128, 128, 40_960, 1024, true, bound, false, MmaPath.WGMMA));
  }

  @Test
  void boundsThatDisagreeOnWhetherTheEntryIsBuiltOrBoundedAreRejected() {
    // Both bounds come from one launch array: an entry is built, and bounded, for both or neither.
    assertThrows(
        CudaException.class,
        () ->
            new LaunchShape(
                64, 128, 128, 40_960, 1024, false, LaunchShape.NOT_BUILT, false, MmaPath.WGMMA));
    assertThrows(
        CudaException.class,
        () ->
            new LaunchShape(
                64, 128, 128, 40_960, LaunchShape.ANY_SEQ_LEN, false, 2048, false, MmaPath.WGMMA));
  }

  @Test
  void aPlainEntryTakesOneBlockPerTile() {
    LaunchShape plain =
        new LaunchShape(
            192,
            128,
            512,
            200_000,
            LaunchShape.ANY_SEQ_LEN,
            false,
            LaunchShape.ANY_SEQ_LEN,
            false,
            MmaPath.WGMMA);
    assertArrayEquals(new int[] {6, 128}, plain.grid(1024, 128, 132));
    assertArrayEquals(new int[] {1, 1}, plain.grid(17, 1, 132));
  }

  @Test
  void aPersistentEntryWalksTilesOnAGridThatSharesNoFactorWithTheRowBlocks() {
    LaunchShape persistent =
        new LaunchShape(
            192,
            128,
            512,
            200_000,
            LaunchShape.ANY_SEQ_LEN,
            true,
            LaunchShape.ANY_SEQ_LEN,
            false,
            MmaPath.WGMMA);
    // The H100's 132 SMs against 6 row blocks a head (N = 1k): 131 blocks, so that block j takes
    // row blocks j, j + 131, ... mod 6, every one of them in turn.
    assertArrayEquals(new int[] {131, 1}, persistent.grid(1024, 128, 132));
    // 43 row blocks (N = 8k) share no factor with 132: every SM.
    assertArrayEquals(new int[] {132, 1}, persistent.grid(8192, 128, 132));
    // Fewer tiles than SMs: one block each.
    assertArrayEquals(new int[] {6, 1}, persistent.grid(1024, 1, 132));
    SplittableRandom random = new SplittableRandom(System.nanoTime());
    for (int i = 0; i < 200; i++) {
      int n = 1 + random.nextInt(1 << 16);
      int slices = 1 + random.nextInt(256);
      int sms = 1 + random.nextInt(200);
      int[] g = persistent.grid(n, slices, sms);
      int rowBlocks = persistent.queryBlocks(n);
      long tiles = (long) rowBlocks * slices;
      String where = "N=" + n + " slices=" + slices + " SMs=" + sms;
      assertEquals(1, g[1], where);
      assertTrue(g[0] >= 1 && g[0] <= Math.min(sms, tiles), where);
      if (tiles > sms && g[0] > 1) {
        assertEquals(
            1,
            java.math.BigInteger.valueOf(g[0])
                .gcd(java.math.BigInteger.valueOf(rowBlocks))
                .intValue(),
            where);
      }
    }
  }
}
