package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnbench.InvalidInputException;
import dev.attnbench.method.Method;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @Test
  void paperConfigHoldsTheAuthorsAccuracySettings() {
    AccuracySweep s =
        AccuracySweeps.resolve(ConfigLoader.load(Path.of("configs/paper.yaml")).accuracy(), null);
    assertEquals(2, s.batch());
    assertEquals(2, s.heads());
    assertEquals(List.of(1024, 2048, 4096, 8192, 16384), s.seqLens());
    assertEquals(List.of(64), s.headDims());
    assertEquals(1.0, s.softmaxScale());
    assertEquals(10, s.points().size()); // 2 distributions x 5 lengths
  }

  @Test
  void flagsOverrideTheFileAndTheFileOverridesDefaults() {
    SweepConfig.Accuracy file = ConfigLoader.load(Path.of("configs/quick.yaml")).accuracy();
    SweepConfig.Accuracy flags =
        new SweepConfig.Accuracy(
            null, 3, List.of(77), null, null, null, List.of("int8"), null, null, null);
    AccuracySweep s = AccuracySweeps.resolve(file, flags);
    assertEquals(3, s.heads());
    assertEquals(1, s.batch()); // from the file
    assertEquals(List.of(77), s.seqLens());
    assertEquals(List.of(Method.INT8), s.methods());
    assertNull(s.softmaxScale()); // neither says: 1/sqrt(D) per point
    assertEquals(0.125, s.points().get(0).softmaxScale());
  }

  @Test
  void everyShippedConfigLoads() {
    for (String name : List.of("quick", "paper", "ablation")) {
      SweepConfig c = ConfigLoader.load(Path.of("configs", name + ".yaml"));
      AccuracySweeps.resolve(c.accuracy(), null).points();
    }
  }

  /**
   * A config's mistakes are named at their own line and in the config's words: Jackson put a key on
   * line 2 at line 7 (where the record ended) and named Java types.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name: x\\nnope: 1\\naccuracy:\\n  seq_len: [64]\\n|unknown key 'nope' at line 2 (allowed: accuracy, latency, name)",
        "name: x\\naccuracy:\\n  rows: 8\\n  bogus: 3\\n|unknown key 'bogus' at line 4",
        "name: x\\naccuracy:\\n  seq_len: abc\\n|wrong value for accuracy.seq_len at line 3: expected a list of whole numbers",
        "name: x\\naccuracy:\\n  causal: [maybe]\\n|wrong value for accuracy.causal[0] at line 3: expected true or false",
        "name: x\\naccuracy:\\n  batch: 1\\n  rows: 1.5\\n|wrong value for accuracy.rows at line 4: expected a whole number",
        "name: x\\nlatency:\\n  softmax_scale: [1]\\n|wrong value for latency.softmax_scale at line 3: expected a number",
      })
  void aMistakeIsNamedAtItsLineInTheConfigsWords(String yaml, String message, @TempDir Path tmp)
      throws Exception {
    Path file = tmp.resolve("c.yaml");
    String refusal = refusal(file, yaml);
    assertTrue(refusal.startsWith("config file '" + file + "': " + message), refusal);
  }

  /**
   * What loading {@code yaml} (lines joined by a literal \\n) from {@code file} is refused with.
   */
  private static String refusal(Path file, String yaml) throws IOException {
    Files.writeString(file, yaml.replace("\\n", "\n"));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ConfigLoader.load(file));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage();
  }

  /**
   * What the mapping took quietly or named in Jackson's words: a key given twice ran its last
   * value, a key without a value ran the default, a list item without a value failed in the sweep
   * (exit 1), and an empty or list-shaped file read "No content to map" or "Cannot deserialize
   * value of type `dev.attnbench.sweep.SweepConfig`".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name: x\\naccuracy:\\n  seq_len: [64]\\n  seq_len: [128]\\n| is not valid YAML at line 4: Duplicate field 'seq_len'",
        "name: x\\naccuracy:\\n  rows: 8\\n  seq_len:\\n|: key 'seq_len' at line 4 has no value (leave the key out for the default)",
        "name: x\\nlatency:\\n|: key 'latency' at line 2 has no value",
        "name: x\\naccuracy:\\n  seq_len:\\n    - 256\\n    -\\n|: key 'seq_len' at line 3 has an empty item",
        "name: x\\naccuracy:\\n  seq_len: [64]\\nlatency:\\n  seq_len: [256, ~]\\n|: key 'seq_len' at line 5 has an empty item",
        "name: x\\naccuracy:\\n  seq_len: [64]\\nlatency:\\n  seq_len:\\n|: key 'seq_len' at line 5 has no value",
        "- name: x\\n|: expected keys (name:, accuracy:, latency:) at the top, not a list",
        "# nothing but a comment\\n| is empty",
      })
  void aFileTheMappingWouldTakeQuietlyIsRefused(String yaml, String message, @TempDir Path tmp)
      throws Exception {
    Path file = tmp.resolve("c.yaml");
    String refusal = refusal(file, yaml);
    // CsvSource trims the message's leading space: the file's name, then the message.
    assertTrue(refusal.startsWith("config file '" + file + "'"), refusal);
    assertTrue(refusal.contains("' " + message) || refusal.contains("'" + message), refusal);
  }
}
