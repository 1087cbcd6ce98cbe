package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A comparison's note column: one note where the runs agree, each run's by name where not. */
class MarkdownReportNotesTest {

  private static final List<String> RUNS = List.of("h100-run", "h200-run");

  @Test
  void runsThatAgreeShareOneNote() {
    assertEquals("at N=16k", MarkdownReport.joinedNotes(List.of("at N=16k", "at N=16k"), RUNS));
  }

  @Test
  void runsThatDifferAreNamed() {
    assertEquals(
        "**h100-run**: fp16 throttled; **h200-run**: at 1.3",
        MarkdownReport.joinedNotes(List.of("fp16 throttled", "at 1.3"), RUNS));
  }

  @Test
  void aRunWithoutANoteIsLeftOut() {
    assertEquals("**h200-run**: at 1.3", MarkdownReport.joinedNotes(List.of("", "at 1.3"), RUNS));
  }
}
