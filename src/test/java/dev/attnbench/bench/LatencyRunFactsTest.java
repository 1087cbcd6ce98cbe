package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LatencyRunFactsTest {

  /** run.json's jcuda_version is the JCuda the build took, as the pom names it (was a copy). */
  @Test
  void theJcudaVersionIsTheOneThePomBuildsWith() throws Exception {
    Matcher m =
        Pattern.compile("<jcuda.version>([^<]+)</jcuda.version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    m.find();
    assertEquals(m.group(1), LatencyRunFacts.jcudaVersion());
  }
}
