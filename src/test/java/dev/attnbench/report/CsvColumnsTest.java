package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged result CSV is named in one line: Tablesaw said "headerNames is null" for an empty file
 * and dumped its parser settings for a binary one.
 */
class CsvColumnsTest {
  @TempDir Path tmp;

  private String refusal(byte[] content) throws IOException {
    Path csv = tmp.resolve("accuracy.csv");
    Files.write(csv, content);
    IOException e = assertThrows(IOException.class, () -> AccuracyCsv.read(csv));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().startsWith(csv + ": "), e.getMessage());
    assertTrue(e.getMessage().length() < 400, e.getMessage());
    return e.getMessage();
  }

  @Test
  void anEmptyFileIsSaidToBeEmpty() throws IOException {
    assertTrue(refusal(new byte[0]).contains(": empty (expected a CSV with columns [method,"));
  }

  @Test
  void bytesThatAreNoTextAreSaidToBeNoText() throws IOException {
    byte[] noise = new byte[4096];
    new SplittableRandom(System.nanoTime()).nextBytes(noise);
    noise[0] = (byte) 0xff; // never the start of UTF-8 text
    noise[1] = (byte) 0xfe;
    assertTrue(refusal(noise).contains("not a text file"));
  }

  @Test
  void textInANumberColumnNamesTheColumn() throws IOException {
    String header = String.join(",", AccuracyCsv.COLUMNS);
    String row = "fp16,normal,2,2,1024,64,false,256,42,abc,1,1,1,1,1,cuda";
    String why = refusal((header + "\n" + row + "\n").getBytes());
    assertTrue(why.contains("a cell or row cannot be read") && why.contains("mre"), why);
  }
}
