package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer that fails leaves neither a temporary file nor a changed final file. */
class ResultFolderTest {

  @TempDir Path tmp;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(tmp)) {
      return s.filter(Files::isRegularFile).map(tmp::relativize).sorted().toList();
    }
  }

  @Test
  void aBinaryWriterDyingOfAnErrorLeavesNoTemporaryFileAndTheOldFileIntact() throws Exception {
    ResultFolder folder = ResultFolder.open(tmp, true);
    folder.writeBytes("charts/a.png", out -> out.write(new byte[] {1, 2, 3}));
    UnsatisfiedLinkError missingLibrary = new UnsatisfiedLinkError("libharfbuzz.so.0");

    UnsatisfiedLinkError thrown =
        assertThrows(
            UnsatisfiedLinkError.class,
            () ->
                folder.writeBytes(
                    "charts/a.png",
                    out -> {
                      out.write(new byte[4096]);
                      out.flush();
                      throw missingLibrary;
                    }));

    assertSame(missingLibrary, thrown);
    assertEquals(List.of(Path.of("charts/a.png")), files());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(tmp.resolve("charts/a.png")));
  }

  @Test
  void aTextWriterThrowingLeavesNoFileAtAll() throws Exception {
    ResultFolder folder = ResultFolder.open(tmp, true);
    assertThrows(
        UncheckedIOException.class,
        () ->
            folder.write(
                "REPORT.md",
                w -> {
                  try {
                    w.write("half a report");
                    w.flush();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  throw new UncheckedIOException(new IOException("disk full"));
                }));
    assertEquals(List.of(), files());
  }

  @Test
  void aWriterThatSucceedsLeavesOnlyTheFinalFile() throws Exception {
    ResultFolder folder = ResultFolder.open(tmp, true);
    folder.writeString("REPORT.md", "# report\n");
    assertEquals(List.of(Path.of("REPORT.md")), files());
    assertEquals("# report\n", Files.readString(tmp.resolve("REPORT.md")));
  }
}
