package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Constants that the Java backend and the kernel sources both state, read from the sources (no GPU,
 * no nvcc): a mismatch would make the kernels read past V8t or take a parameter of the wrong size,
 * which only a GPU run would otherwise show.
 */
class KernelConstantsTest {

  private static int constant(String file, String regex) throws IOException {
    String text = Files.readString(Path.of("kernels", file));
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no match for " + regex + " in kernels/" + file);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void tensorMapsBytesMatchTheKernelsStruct() throws IOException {
    assertEquals(
        constant("attn_forward.cuh", "static_assert\\(sizeof\\(TensorMaps\\) == (\\d+)"),
        CudaAttention.TENSOR_MAPS_BYTES);
  }

  @Test
  void keyPaddingMatchesTheKernelsHeader() throws IOException {
    assertEquals(
        constant("padded_keys.cuh", "constexpr int kPadKeys = (\\d+);"), CudaAttention.PAD_KEYS);
  }
}
