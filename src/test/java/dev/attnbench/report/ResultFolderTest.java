package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnbench.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
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

  @Test
  void aWriteTheSystemRefusesNamesTheFileAndTheSystemsReason() throws Exception {
    ResultFolder folder = ResultFolder.open(tmp, true);
    Path tmpFile = tmp.resolve("charts/a.png.tmp");
    Path target = tmp.resolve("charts/a.png");

    // The NIO exceptions of EACCES and ENOENT hold only the path: their class is the reason.
    UncheckedIOException denied =
        assertThrows(
            UncheckedIOException.class,
            () ->
                folder.writeBytes(
                    "charts/a.png",
                    out -> {
                      throw new AccessDeniedException(tmpFile.toString());
                    }));
    assertEquals("cannot write " + target + ": permission denied", denied.getMessage());

    UncheckedIOException full =
        assertThrows(
            UncheckedIOException.class,
            () ->
                folder.write(
                    "REPORT.md",
                    w -> {
                      throw new UncheckedIOException(new IOException("No space left on device"));
                    }));
    assertEquals(
        "cannot write " + tmp.resolve("REPORT.md") + ": No space left on device",
        full.getMessage());
    assertEquals(List.of(), files());
  }

  @Test
  void aFileInTheWayOfAFolderIsNamed() throws Exception {
    Files.writeString(tmp.resolve("charts"), "not a folder");
    ResultFolder folder = ResultFolder.open(tmp, true);

    UncheckedIOException e =
        assertThrows(
            UncheckedIOException.class, () -> folder.writeString("charts/a.svg", "<svg/>"));

    assertEquals(
        "cannot write "
            + tmp.resolve("charts/a.svg")
            + ": exists and is not a folder ("
            + tmp.resolve("charts")
            + ")",
        e.getMessage());
    InvalidInputException open =
        assertThrows(
            InvalidInputException.class, () -> ResultFolder.open(tmp.resolve("charts/x"), true));
    assertEquals(
        "output folder '" + tmp.resolve("charts/x") + "' cannot be created: Not a directory",
        open.getMessage());
  }
}
