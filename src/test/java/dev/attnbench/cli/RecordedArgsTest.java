package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What run.json's args keep of a command line (AccuracyResumeTest runs the replay itself). */
class RecordedArgsTest {

  private static List<String> recorded(String... line) {
    return RecordedArgs.of(AttnBench.commandLine().parseArgs(line).subcommand());
  }

  private static String abs(String p) {
    return Path.of(p).toAbsolutePath().normalize().toString();
  }

  /**
   * Paths become absolute in either spelling, --peer's authors folder too (a relative one, replayed
   * from another folder, was refused as missing), and where the run writes is left out.
   */
  @Test
  void pathsAreKeptAbsoluteAndTheOutputFlagsAreNot() {
    assertEquals(
        List.of(
            "--config",
            abs("configs/paper.yaml"),
            "--peer",
            "torch-sdpa,authors=" + abs(".authors"),
            "--save-tensors=" + abs("t/../dump"),
            "--seed",
            "7"),
        recorded(
            "reproduce",
            "--config",
            "configs/paper.yaml",
            "--out",
            "o",
            "--peer",
            "torch-sdpa,authors=.authors",
            "--force",
            "--save-tensors=t/../dump",
            "--seed",
            "7"));
    assertEquals(
        List.of("--peer=authors=" + abs("a"), "--backend", "cpu"),
        recorded(
            "reproduce", "--resume=r", "--peer=authors=a", "--force=true", "--backend", "cpu"));
  }
}
