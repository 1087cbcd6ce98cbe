package dev.attnbench.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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

  public static Map<String, Object> read(Path dir) throws IOException {
    return JSON.readValue(dir.resolve(FILE).toFile(), new TypeReference<Map<String, Object>>() {});
  }

  /** {@code value} as a JSON tree, for comparing a sweep with the one recorded in a run.json. */
  public static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }
}
