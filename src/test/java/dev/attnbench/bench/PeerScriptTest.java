package dev.attnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attnbench.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --peer} values: what each names, and a one-line refusal of anything else. */
class PeerScriptTest {

  @TempDir Path dir;

  private static String refusal(String value) {
    return assertThrows(InvalidInputException.class, () -> PeerScript.parse(value)).getMessage();
  }

  @Test
  void torchSdpaIsPyTorchsTwoBackends() {
    assertSame(PeerScript.TORCH_SDPA, PeerScript.parse("torch-sdpa"));
    assertEquals(List.of("torch_sdpa_bench.py"), PeerScript.TORCH_SDPA.resources());
  }

  @Test
  void authorsNamesAFolderHoldingTheirTwoFiles() throws IOException {
    for (String f : PeerScript.AUTHORS_FILES) Files.writeString(dir.resolve(f), "# " + f);
    PeerScript p = PeerScript.parse("authors=" + dir);
    assertEquals("authors", p.id());
    assertEquals(PeerScript.AUTHORS_METHODS, p.methods());
    // The authors' script imports the sampling and CSV of the torch one: both are extracted.
    assertEquals(List.of("authors_peer.py", "torch_sdpa_bench.py"), p.resources());
    assertEquals(List.of("--authors", dir.toAbsolutePath().normalize().toString()), p.flags());
  }

  @Test
  void aFolderWithoutTheAuthorsCodeIsRefusedNamingWhatItLacksAndWhereToGetIt() throws IOException {
    Files.writeString(dir.resolve("configs.py"), "# configs");
    String e = refusal("authors=" + dir);
    assertEquals(
        "--peer authors="
            + dir
            + ": no flash_atten_full_int8.py there (fetch flash_atten_full_int8.py and configs.py"
            + " from "
            + PeerScript.AUTHORS_SOURCE
            + ")",
        e);
    Path none = dir.resolve("nowhere");
    assertEquals(
        "--peer authors="
            + none
            + ": no such folder (allowed: a folder holding flash_atten_full_int8.py and"
            + " configs.py)",
        refusal("authors=" + none));
  }

  @Test
  void anythingElseIsRefusedWithTheAllowedValues() {
    for (String bad : List.of("torch", "authors", "authors=", "cudnn", "Torch-SDPA")) {
      assertEquals(
          "unknown peer '" + bad + "' (allowed: torch-sdpa, authors=DIR)", refusal(bad), bad);
    }
  }
}
