package dev.attnbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.bench.LatencyCsv;
import dev.attnbench.report.AccuracyCsv;
import dev.attnbench.report.AccuracySummary;
import dev.attnbench.report.SpeedupSummary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The README's sample output is what this version prints from the committed result it names: the
 * README says so ("the tool prints the same today"), and a change of either printer would otherwise
 * leave a sample no run can give.
 */
class ReadmeSamplesTest {

  /** The README's fenced blocks, each as its lines. */
  private static List<String> blocks() throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("```")) {
        if (block != null) blocks.add(block.toString());
        block = block == null ? new StringBuilder() : null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }

  /** The README block that opens with {@code firstLine}. */
  private static String block(String firstLine) throws IOException {
    return blocks().stream()
        .filter(b -> b.startsWith(firstLine))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no README block opens with: " + firstLine));
  }

  private static String printed(Consumer<PrintStream> printer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theAccuracySampleIsWhatTheCommittedCpuRunPrints() throws IOException {
    String sample = block("uniform, D=64, non-causal, cpu-emulation");
    var rows = AccuracyCsv.read(Path.of("results/2026-12-03-cpu-paper-v59/accuracy.csv"));
    String out = printed(o -> AccuracySummary.print(rows, o));
    assertTrue(out.contains(sample), "README:\n" + sample + "\nprinted:\n" + out);
  }

  @Test
  void theSpeedupSampleIsWhatTheCommittedGpuRunPrints() throws IOException {
    String sample = block("kernel, D=64, non-causal, B=4, H=32, NVIDIA H200");
    var rows =
        LatencyCsv.read(
            Path.of("results/2026-12-04-h200-paper-scale/normal-r1/" + LatencyCsv.FILE));
    String out = printed(o -> SpeedupSummary.print(rows, o));
    // The README shows the first of the printed groups, the paper's setting.
    int at = out.indexOf(sample);
    assertTrue(at >= 0, "README:\n" + sample + "\nprinted:\n" + out);
    assertEquals(
        "", out.substring(0, at).strip(), "the paper's group is the first the summary prints");
  }
}
