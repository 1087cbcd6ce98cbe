package dev.attnbench.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import java.util.List;
import java.util.stream.Collectors;

/** Reads {@link SweepConfig} YAML files and turns every problem into a one-line message. */
public final class ConfigLoader {
  private ConfigLoader() {}

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

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
      SweepConfig config = YAML.readValue(text, SweepConfig.class);
      if (config == null) {
        throw new InvalidInputException("config file '" + file + "' is empty");
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
              + where(e)
              + " (allowed: "
              + known
              + ")");
    } catch (JsonMappingException e) {
      throw new InvalidInputException(
          "config file '"
              + file
              + "': wrong value"
              + where(e)
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
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
    return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
  }
}
