package dev.attnbench.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RowSampleTest {

  @Test
  void sampleHoldsDistinctSortedRowsIncludingTheLast() {
    Shape shape = new Shape(2, 3, 5000, 64, false);
    RowSample s = RowSample.sample(shape, 256, 123);
    for (int[] rows : s.rows()) {
      assertEquals(256, rows.length);
      assertEquals(4999, rows[rows.length - 1]);
      for (int j = 1; j < rows.length; j++) {
        assertTrue(rows[j] > rows[j - 1], "sorted and distinct");
      }
      assertTrue(rows[0] >= 0);
    }
    assertFalse(Arrays.equals(s.rows()[0], s.rows()[1]), "each head draws its own rows");
    assertFalse(s.isFull());
  }

  @Test
  void sameSeedSameRows() {
    Shape shape = new Shape(1, 2, 3000, 64, false);
    assertArrayEquals(
        RowSample.sample(shape, 50, 5).rows()[1], RowSample.sample(shape, 50, 5).rows()[1]);
  }

  @Test
  void askingForAtLeastNRowsGivesAllRows() {
    Shape shape = new Shape(1, 1, 17, 64, false);
    RowSample s = RowSample.sample(shape, 17, 1);
    assertTrue(s.isFull());
    assertEquals(17, s.totalRows());
  }

  /**
   * Every row but the last (always taken) is as likely as any other: over 4,000 slices of N=20 with
   * 5 rows each, the counts of rows 0 … 18 pass a χ² test against 4/19 of the slices each (18
   * degrees of freedom; 60 is beyond the 99.9999th percentile).
   */
  @Test
  void everyRowButTheLastIsEquallyLikely() {
    long seed = System.nanoTime();
    int n = 20;
    int slices = 4000;
    RowSample sample = RowSample.sample(new Shape(1, slices, n, 16, false), 5, seed);
    long[] count = new long[n];
    for (int s = 0; s < slices; s++) {
      for (int row : sample.rows()[s]) count[row]++;
    }
    assertEquals(slices, count[n - 1], "the last row in every slice, seed " + seed);
    double expected = slices * 4.0 / (n - 1);
    double chi2 = 0;
    for (int row = 0; row < n - 1; row++) {
      chi2 += (count[row] - expected) * (count[row] - expected) / expected;
    }
    assertTrue(chi2 < 60, "chi2 " + chi2 + ", seed " + seed + ": " + Arrays.toString(count));
  }
}
