package dev.attnbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every result the documents cite is committed: a figure in the README, the findings or the tuning
 * notes stands on the result folder it names (a number that no committed result backs is not a
 * result), so a folder renamed or never committed fails here rather than in a reader's hands.
 */
class CitedResultsTest {

  /** A result folder and, optionally, a file or folder inside it. */
  private static final Pattern CITATION =
      Pattern.compile("results/(20\\d\\d-\\d\\d-\\d\\d-[A-Za-z0-9_-]+)((?:/[A-Za-z0-9._*-]+)*)");

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("results/README.md")));
    docs.add(Path.of("kernels/TUNING.md"));
    try (Stream<Path> s = Files.list(Path.of("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  @Test
  void everyResultTheDocumentsCiteIsCommitted() throws IOException {
    TreeSet<String> missing = new TreeSet<>();
    int cited = 0;
    for (Path doc : documents()) {
      Matcher m = CITATION.matcher(Files.readString(doc));
      while (m.find()) {
        cited++;
        Path folder = Path.of("results", m.group(1));
        // A path inside it is checked where it names one file, not a pattern ("normal-r*") or a
        // range of runs ("run31..34").
        String inside = m.group(2).replaceAll("[.,]+$", "");
        Path cites = inside.isEmpty() ? folder : Path.of(folder + inside);
        boolean pattern = inside.contains("*") || inside.contains("..");
        if (!Files.isDirectory(folder) || (!pattern && !Files.exists(cites))) {
          missing.add(doc + ": " + (Files.isDirectory(folder) ? cites : folder));
        }
      }
    }
    assertTrue(cited > 100, "the documents cite results: " + cited);
    assertEquals(new TreeSet<String>(), missing, "cited, not committed");
  }
}
