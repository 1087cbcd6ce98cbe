package dev.attnbench.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.attnbench.method.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
