package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which sequence lengths an entry is for, from the N bound its launch constant exports, and the
 * grid it is launched on.
 */
class LaunchShapeTest {

  private static LaunchShape withBound(int bound) {
    return new LaunchShape(64, 128, 128, 40_960, bound, false);
  }

  @Test
  void aMainEntryServesEveryLength() {
    LaunchShape main = withBound(LaunchShape.ANY_SEQ_LEN);
    assertTrue(main.built());
    for (int n : new int[] {1, 1025, 4096, 1 << 20}) {
      assertTrue(main.serves(n), "N=" + n);
    }
  }

  @Test
  void aShortSequenceEntryServesUpToItsBoundInclusive() {
    LaunchShape shortSeq = withBound(2048);
    assertTrue(shortSeq.built());
    assertTrue(shortSeq.serves(1));
    assertTrue(shortSeq.serves(2048));
    assertFalse(shortSeq.serves(2049));
  }

  @Test
  void anEntryTheImageDoesNotBuildServesNothing() {
    LaunchShape empty = withBound(LaunchShape.NOT_BUILT);
    assertFalse(empty.built());
    assertFalse(empty.serves(1));
    assertFalse(empty.serves(1 << 20));
  }

  @Test
  void aPersistentEntryTakesOneBlockPerSmOrPerTileWhereFewer() {
    LaunchShape ws = new LaunchShape(192, 128, 512, 150_000, LaunchShape.ANY_SEQ_LEN, true);
    // B=4, H=32, N=1k: ceil(1024/192) = 6 row blocks x 128 slices = 768 tiles on 132 SMs.
    assertArrayEquals(new int[] {132, 1}, ws.grid(1024, 128, 132));
    // One slice of 1025 queries: 6 tiles, fewer than the SMs.
    assertArrayEquals(new int[] {6, 1}, ws.grid(1025, 1, 132));
  }

  @Test
  void anOtherEntryTakesOneBlockPerTile() {
    LaunchShape plain = withBound(LaunchShape.ANY_SEQ_LEN);
    assertArrayEquals(new int[] {17, 128}, plain.grid(1025, 128, 132));
  }

  @Test
  void aBoundBelowMinusOneIsRejected() {
    assertThrows(CudaException.class, () -> withBound(-2));
  }
}
