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
}
