package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which sequence lengths an entry is for, from the N bound its launch constant exports. */
class LaunchShapeTest {

  private static LaunchShape withBound(int bound) {
    return new LaunchShape(64, 128, 128, 40_960, bound);
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
  void aBoundBelowMinusOneIsRejected() {
    assertThrows(CudaException.class, () -> withBound(-2));
  }
}
