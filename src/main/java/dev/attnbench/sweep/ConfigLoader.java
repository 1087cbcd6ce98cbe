package dev.attnbench.sweep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.attnbench.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads {@link SweepConfig} YAML files and turns every problem into a one-line message. */
public final class ConfigLoader {
  private ConfigLoader() {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // rows: 1.5 would otherwise run as rows: 1
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          // A key given twice ran with its last value, silently.
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  public static SweepConfig load(Path file) {
    String text;
    try {
      text = Files.exists(file) ? Files.readString(file) : packaged(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          "config file '" + file + "' does not exist (the jar also carries " + PACKAGED + ")");
    } catch (IOException e) {
      throw new InvalidInputException(
          "config file '" + file + "' cannot be read: " + e.getMessage());
    }
    try {
      checkShape(YAML.readTree(text), file, text);
      SweepConfig config = YAML.readValue(text, SweepConfig.class);
      // The name becomes part of the default result folder's name: no path of its own.
      if (config.name() != null && !config.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new InvalidInputException(
            "config file '"
                + file
                + "': name '"
                + config.name()
                + "' is not allowed (letters, digits, '.', '_' and '-', from a letter or digit:"
                + " it names the result folder)");
      }
      if (config.accuracy() == null && config.latency() == null) {
        throw new InvalidInputException(
            "config file '" + file + "' has neither an accuracy nor a latency section");
      }
      return config;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new InvalidInputException(
          "config file '"
              + file
              + "': unknown key '"
              + e.getPropertyName()
              + "'"
              + where(e, text, e.getPropertyName())
              + " (allowed: "
              + known
              + ")");
    } catch (JsonMappingException e) {
      String key =
          e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
      String path =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      throw new InvalidInputException(
          "config file '"
              + file
              + "': wrong value"
              + (path.isEmpty() ? "" : " for " + path)
              + where(e, text, key)
              + ": "
              + expected(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "config file '"
              + file
              + "' is not valid YAML"
              + where(e)
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * Refuses what the mapping would take quietly or report in Jackson's words: an empty file, a top
   * level that is not a set of keys, a key without a value (`seq_len:` ran the default), and a list
   * with an empty item.
   */
  private static void checkShape(JsonNode root, Path file, String text) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidInputException("config file '" + file + "' is empty");
    }
    if (!root.isObject()) {
      throw new InvalidInputException(
          "config file '"
              + file
              + "': expected keys (name:, accuracy:, latency:) at the top, not "
              + (root.isArray() ? "a list" : "a single value"));
    }
    checkValues(root, file, text, null);
  }

  /**
   * @param section the key whose value {@code node} is, or null at the top
   */
  private static void checkValues(JsonNode node, Path file, String text, String section) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode value = field.getValue();
      String problem =
          value.isNull()
              ? "has no value (leave the key out for the default)"
              // ("- " alone in a list reached the sweep as null and failed there)
              : value.isArray() && hasNullItem(value)
                  ? "has an empty item (allowed: a list of values)"
                  : null;
      if (problem != null) {
        throw new InvalidInputException(
            "config file '"
                + file
                + "': key '"
                + field.getKey()
                + "'"
                + whereIn(text, section, field.getKey())
                + " "
                + problem);
      }
      checkValues(value, file, text, field.getKey());
    }
  }

  private static boolean hasNullItem(JsonNode list) {
    for (JsonNode item : list) {
      if (item.isNull()) return true;
    }
    return false;
  }

  /** The configs the jar carries, so {@code --config configs/paper.yaml} works from any folder. */
  static final List<String> PACKAGED =
      List.of("configs/quick.yaml", "configs/paper.yaml", "configs/ablation.yaml");

  private static String packaged(Path file) throws IOException {
    String name = "configs/" + file.getFileName();
    if (PACKAGED.contains(name)) {
      try (InputStream in = ConfigLoader.class.getResourceAsStream("/" + name)) {
        if (in != null) return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    throw new NoSuchFileException(file.toString());
  }

  private static String where(JsonProcessingException e) {
    return e == null || e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
  }

  /**
   * The line of {@code key} in {@code text} where it can be found: Jackson reports a record's
   * problems where the record ends (it buffers a creator's properties), so a key on line 2 read as
   * line 7. The first line that opens with the key; else Jackson's location.
   */
  private static String where(JsonProcessingException e, String text, String key) {
    if (key != null) {
      Pattern line = Pattern.compile("^\\s*(- )?" + Pattern.quote(key) + "\\s*:");
      List<String> lines = text.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (line.matcher(lines.get(i)).find()) {
          return " at line " + (i + 1);
        }
      }
    }
    return where(e);
  }

  /**
   * The line of {@code key} within {@code section}: the first line opening with the key after the
   * section's, so that latency's seq_len is not named at accuracy's line; where either is not found
   * (a flow mapping), the key's first line as {@link #where(JsonProcessingException, String,
   * String)} finds it.
   */
  private static String whereIn(String text, String section, String key) {
    List<String> lines = text.lines().toList();
    int from = section == null ? 0 : lineOpening(lines, section, 0) + 1;
    int at = from > 0 ? lineOpening(lines, key, from) : -1;
    return at >= 0 ? " at line " + (at + 1) : where(null, text, key);
  }

  /** The index of the first line from {@code from} that opens with {@code key:}, or -1. */
  private static int lineOpening(List<String> lines, String key, int from) {
    Pattern line = Pattern.compile("^\\s*(- )?" + Pattern.quote(key) + "\\s*:");
    for (int i = from; i < lines.size(); i++) {
      if (line.matcher(lines.get(i)).find()) return i;
    }
    return -1;
  }

  private static final Pattern TARGET_TYPE = Pattern.compile("(?:value of type|to) `([^`]+)`");

  /** What a value should have been, in a config's words rather than Jackson's Java types. */
  static String expected(String jacksonMessage) {
    Matcher m = TARGET_TYPE.matcher(jacksonMessage);
    String type = m.find() ? m.group(1) : "";
    String what =
        switch (type) {
          case "java.util.ArrayList<java.lang.Integer>" ->
              "a list of whole numbers, e.g. [1024, 4096]";
          case "java.util.ArrayList<java.lang.Boolean>" ->
              "a list of true/false, e.g. [false, true]";
          case "java.util.ArrayList<java.lang.String>" -> "a list of names, e.g. [normal, uniform]";
          case "java.lang.Integer", "int" -> "a whole number";
          case "java.lang.Long", "long" -> "a whole number";
          case "java.lang.Double", "double" -> "a number";
          case "java.lang.Boolean", "boolean" -> "true or false";
          case "java.lang.String" -> "a name or text";
          default -> null;
        };
    return what != null
        ? "expected " + what
        : jacksonMessage.lines().findFirst().orElse("").replaceAll(" \\(token `[^`]*`\\)", "");
  }
}
