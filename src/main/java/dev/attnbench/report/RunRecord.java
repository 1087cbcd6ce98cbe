package dev.attnbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * run.json: what produced a result folder (command, sweep, host, GPU, commit, start and end).
 * Written when a run starts, with {@code status: running}, and again when it ends, so an
 * interrupted folder says what it was and can be resumed.
 */
public final class RunRecord {
  private RunRecord() {}

  public static final String FILE = "run.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes {@code fields} after the host and build facts of {@link Environment#describe()}. */
  public static void write(ResultFolder folder, Map<String, Object> fields) {
    Map<String, Object> run = new LinkedHashMap<>(Environment.describe());
    run.putAll(fields);
    writeAsIs(folder, run);
  }

  private static void writeAsIs(ResultFolder folder, Map<String, Object> run) {
    folder.write(
        FILE,
        w -> {
          try {
            JSON.writeValue(w, run);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * Marks the run of {@code dir} as interrupted (status {@code interrupted}, and when), for the
   * shutdown hook of Ctrl-C: run.json said {@code running} after the process had ended. Best
   * effort: the JVM is exiting, and a run.json it cannot read or write stays as it was.
   */
  public static Optional<String> markInterrupted(Path dir) {
    try {
      Map<String, Object> run = read(dir);
      run.put("status", "interrupted");
      run.put("interrupted", Instant.now().toString());
      writeAsIs(ResultFolder.open(dir, true), run);
      return Optional.ofNullable(run.get("command")).map(Object::toString);
    } catch (IOException | RuntimeException e) {
      // Left as it was: it still says what ran, and --resume reads it the same.
      return Optional.empty();
    }
  }

  /**
   * The run.json of {@code dir}. A damaged one fails with an IOException whose message names the
   * file and the line, on one line (Jackson's own spans two, with its internals).
   */
  public static Map<String, Object> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    try {
      return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IOException(
          file
              + " is not a run record"
              + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
              + ": "
              + (e instanceof MismatchedInputException
                  ? "expected a JSON object"
                  : e.getOriginalMessage()
                      .lines()
                      .findFirst()
                      .orElse("")
                      .replaceAll(" \\(code \\d+\\)", "")),
          e);
    }
  }

  /** {@code value} as a JSON tree, for comparing a sweep with the one recorded in a run.json. */
  public static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }
}
