package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result CSV the tool writes and reads leniently reads back as written, cell for cell. */
class CsvSchemaTest {
  @TempDir Path tmp;

  /**
   * Only an empty cell is missing when read leniently: a note that reads "N/A", "NaN", "null" or
   * the like is text the tool wrote (a figure shown as "n/a"), and reads back as it was, not as an
   * empty cell.
   */
  @Test
  void textThatSpellsAMissingValueInSomeConventionReadsBackAsWritten() throws IOException {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    List<String> markers = List.of("N/A", "NaN", "null", "NA", "*");
    List<ClaimsCsv.Row> rows = new ArrayList<>();
    for (String marker : markers) {
      int at = random.nextInt(1, 16);
      rows.add(
          new ClaimsCsv.Row(
              "GPU " + random.nextInt(1, 1000),
              random.nextBoolean() ? "claims" : "conditions",
              "int8 speedup over fp16",
              "N=" + (1024 << random.nextInt(5)) + ", D=64",
              "+" + random.nextInt(1, 100) + "%",
              random.nextBoolean() ? marker : "+" + at + "%",
              random.nextBoolean() ? "reproduced" : "not reproduced",
              marker));
    }
    // A claim without a note is an empty cell: read back as empty text.
    rows.add(
        new ClaimsCsv.Row("CPU", "conditions", "int8 rel-L2", "normal", "-", "-", "measured", ""));
    Path file = tmp.resolve(ClaimsCsv.FILE);
    try (Writer w = Files.newBufferedWriter(file)) {
      ClaimsCsv.write(rows, w);
    }

    assertEquals(rows, ClaimsCsv.read(file), "seed " + seed);
  }
}
