package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.bench.LatencyRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A damaged result CSV is named in one line: Tablesaw said "headerNames is null" for an empty file
 * and dumped its parser settings for a binary one. A cell is named by the file's line (the header
 * is line 1) and its column, whatever is wrong with it, in our words.
 */
class CsvColumnsTest {
  @TempDir Path tmp;

  static final String HEADER = String.join(",", AccuracyCsv.COLUMNS);

  /** A row as the tool writes it: a quoted distribution, a negative seed, an empty cosine. */
  static final String ROW =
      "fp16,\"normal(0,1)\",2,2,1024,64,false,256,-42,1.5E-4,2e-05,1,0.0,1,,cuda";

  private Path accuracyCsv(String content) throws IOException {
    Path csv = tmp.resolve("accuracy.csv");
    Files.writeString(csv, content, StandardCharsets.UTF_8);
    return csv;
  }

  private String refusal(byte[] content) throws IOException {
    Path csv = tmp.resolve("accuracy.csv");
    Files.write(csv, content);
    IOException e = assertThrows(IOException.class, () -> AccuracyCsv.read(csv));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().startsWith(csv + ": "), e.getMessage());
    assertTrue(e.getMessage().length() < 400, e.getMessage());
    return e.getMessage();
  }

  /** The refusal of {@code ROW} with {@code column} set to {@code value}, after the file's name. */
  private String cellRefusal(String column, String value) throws IOException {
    String[] cells = row();
    cells[AccuracyCsv.COLUMNS.indexOf(column)] = value;
    String why = refusal((HEADER + "\n" + ROW + "\n" + String.join(",", cells) + "\n").getBytes());
    return why.substring(why.indexOf(": ") + 2);
  }

  /** ROW's cells, the distribution quoted again (it holds a comma). */
  private static String[] row() {
    String[] cells = ROW.replace("\"normal(0,1)\"", "normal").split(",", -1);
    cells[1] = "\"normal(0,1)\"";
    return cells;
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
  void whatTheToolWritesReadsBackCellForCell() throws IOException {
    // Windows line ends and blank lines after the last row, as an editor may leave them.
    List<AccuracyRow> rows = AccuracyCsv.read(accuracyCsv(HEADER + "\r\n" + ROW + "\r\n\r\n\n"));

    assertEquals(1, rows.size());
    AccuracyRow r = rows.get(0);
    assertEquals("normal(0,1)", r.distribution());
    assertEquals(-42, r.seed());
    assertEquals(1.5e-4, r.error().mre());
    assertEquals(2e-5, r.error().mreLast4());
    assertTrue(Double.isNaN(r.error().cosine()), "an empty measurement reads as none");
    assertEquals("cuda", r.backend());
  }

  /**
   * A spreadsheet saves a CSV with a UTF-8 byte order mark, which made the header read as other
   * columns ("found \uFEFFmethod,..." with the mark invisible): it is skipped.
   */
  @Test
  void aCsvSavedWithAByteOrderMarkReadsAsWithout() throws IOException {
    List<AccuracyRow> rows = AccuracyCsv.read(accuracyCsv("\uFEFF" + HEADER + "\n" + ROW + "\n"));

    assertEquals(AccuracyCsv.read(accuracyCsv(HEADER + "\n" + ROW + "\n")), rows);
    assertEquals("fp16", rows.get(0).method());
  }

  /**
   * The audit's case: on one line, a number and a method were numbered two ways ("row 2 and column
   * mre(position:9)" with Java's "For input string", and "line 3, column 'method'").
   */
  @Test
  void aBadNumberAndABadNameOnOneLineAreNumberedAlike() throws IOException {
    assertEquals(
        "line 3, column 'mre': 'abc' is not allowed (allowed: a number, or empty for none)",
        cellRefusal("mre", "abc"));
    assertEquals(
        "line 3, column 'method': 'int8 ' is not allowed (allowed: a name, without spaces around"
            + " it)",
        cellRefusal("method", "int8 "));
  }

  @ParameterizedTest(name = "{0} = [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        // NaN written out would read as an empty cell: the tool writes the empty cell.
        "mre|NaN|'NaN' is not allowed (allowed: a number, or empty for none)",
        "cosine|nan|'nan' is not allowed (allowed: a number, or empty for none)",
        "rmse|0x1p3|'0x1p3' is not allowed (allowed: a number, or empty for none)",
        "mre|' 0.001'|' 0.001' is not allowed (allowed: a number, or empty for none)",
        "distribution|' uniform'|' uniform' is not allowed (allowed: a name, without spaces",
        "backend|'cuda '|'cuda ' is not allowed (allowed: a name, without spaces around it)",
        "method|''|an empty value is not allowed (allowed: a name, without spaces around it)",
        "seq_len|''|an empty value is not allowed (allowed: a whole number)",
        "seq_len|1024.0|1024.0 is not allowed (allowed: a whole number)",
        "heads|' 2'|' 2' is not allowed (allowed: a whole number)",
        "batch|3000000000|3000000000 is not allowed (allowed: a whole number from -2147483648 to"
            + " 2147483647)",
        "seed|99999999999999999999|99999999999999999999 is not allowed (allowed: a whole number"
            + " from -9223372036854775808 to 9223372036854775807)",
        "causal|yes|'yes' is not allowed (allowed: true, false)",
        "causal|''|an empty value is not allowed (allowed: true, false)",
      })
  void aCellTheToolDoesNotWriteIsNamedByLineAndColumn(String column, String value, String why)
      throws IOException {
    String refusal = cellRefusal(column, value);
    assertTrue(refusal.startsWith("line 3, column '" + column + "': " + why), refusal);
  }

  @Test
  void aLatencyGpuWithASpaceAroundItIsRefusedAndOneInsideKept() throws IOException {
    LatencyRow row =
        new LatencyRow(
            "fp16", 4, 32, 1024, 64, false, "kernel", 1, 1, 1, 10, 1, "NVIDIA H200", 1980, false);
    Path csv = tmp.resolve(LatencyCsv.FILE);
    try (var w = Files.newBufferedWriter(csv)) {
      LatencyCsv.write(List.of(row), w);
    }
    assertEquals(List.of(row), LatencyCsv.read(csv));

    Files.writeString(csv, Files.readString(csv).replace(",NVIDIA H200,", ",NVIDIA H200 ,"));
    IOException e = assertThrows(IOException.class, () -> LatencyCsv.read(csv));
    assertEquals(
        csv
            + ": line 2, column 'gpu': 'NVIDIA H200 ' is not allowed (allowed: a name, without"
            + " spaces around it)",
        e.getMessage());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // A blank line between rows would number every row after it one line off.
        "ROW\\n\\nROW|line 3 is empty (allowed: a row of the table)",
        "ROW\\nfp16,normal,2|line 3 has 3 cells (allowed: 16, one per column of the header)",
        "ROW,cuda|line 2 has 17 cells (allowed: 16, one per column of the header)",
        // An unclosed quote takes the rest of the line into its cell.
        "fp16,\"normal(0,1),2|line 2 has 2 cells (allowed: 16, one per column of the header)",
        "fp16,\"normal\"x,2|line 2: a quote inside a cell (allowed: a cell quoted whole, its own"
            + " quotes doubled)",
      })
  void aLineThatIsNoRowOfTheTableIsNamed(String rows, String why) throws IOException {
    String body = rows.replace("ROW", ROW).replace("\\n", "\n");
    assertEquals(
        tmp.resolve("accuracy.csv") + ": " + why,
        refusal((HEADER + "\n" + body + "\n").getBytes()));
  }
}
