package dev.attnbench.bench;

import dev.attnbench.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A peer of our kernels: attention timed by a Python script the jar carries, into rows of
 * latency.csv, with the sampling of {@link ColdMeasurement}. {@code reproduce --peer} names them.
 *
 * @param id the name {@code --peer} takes
 * @param resources the scripts it needs, under {@code /scripts/} in the jar; the first is run
 * @param methods the method ids its rows carry
 * @param flags its own flags, after those of {@link PythonPeer.Request}
 */
public record PeerScript(
    String id, List<String> resources, Set<String> methods, List<String> flags) {

  /** The script every peer imports its sampling and CSV from. */
  private static final String TORCH_SDPA_SCRIPT = "torch_sdpa_bench.py";

  /** PyTorch's FP16 attention: its FlashAttention-2 and cuDNN backends. */
  public static final PeerScript TORCH_SDPA =
      new PeerScript(
          "torch-sdpa",
          List.of(TORCH_SDPA_SCRIPT),
          Set.of("torch-flash", "torch-cudnn"),
          List.of("--backend", "flash,cudnn"));

  /** The files of the authors' repository the authors' peer needs. */
  public static final List<String> AUTHORS_FILES =
      List.of("flash_atten_full_int8.py", "configs.py");

  /** Where the authors' code comes from; attn-bench does not carry it. */
  public static final String AUTHORS_SOURCE =
      "https://github.com/INT-FlashAttention2024/INT-FlashAttention at commit"
          + " 7f7bfb00bcd26b2cef49e7783f51ef610e05abf7";

  /**
   * The methods of the authors' peer: their INT8 kernel, and the Triton FP16 it was written from.
   */
  public static final Set<String> AUTHORS_METHODS = Set.of("authors-int8", "triton-fp16");

  /** Every method id a peer writes, for checking a latency.csv. */
  public static final Set<String> METHODS =
      Stream.concat(TORCH_SDPA.methods().stream(), AUTHORS_METHODS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /**
   * The paper's own Triton kernels, from {@code folder}, which must hold {@link #AUTHORS_FILES}
   * (and may hold the tutorial's {@code fused_attention_fwd.py}, the FP16 baseline).
   *
   * @throws InvalidInputException naming the folder and what it lacks
   */
  public static PeerScript authors(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          "--peer authors="
              + folder
              + ": no such folder (allowed: a folder holding "
              + files()
              + ")");
    }
    List<String> missing = new ArrayList<>();
    for (String f : AUTHORS_FILES) {
      if (!Files.isRegularFile(folder.resolve(f))) missing.add(f);
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(
          "--peer authors="
              + folder
              + ": no "
              + String.join(" and no ", missing)
              + " there (fetch "
              + files()
              + " from "
              + AUTHORS_SOURCE
              + ")");
    }
    return new PeerScript(
        "authors",
        List.of("authors_peer.py", TORCH_SDPA_SCRIPT),
        AUTHORS_METHODS,
        List.of("--authors", folder.toAbsolutePath().normalize().toString()));
  }

  private static String files() {
    return String.join(" and ", AUTHORS_FILES);
  }

  /** What precedes the folder in {@code --peer authors=DIR}. */
  public static final String AUTHORS_PREFIX = "authors=";

  /**
   * {@code value} (one or more {@code --peer} values, comma-separated) with each authors' folder
   * made absolute, as run.json records them for a resume from anywhere.
   */
  public static String withAbsoluteFolders(String value) {
    return Arrays.stream(value.split(",", -1))
        .map(
            v ->
                v.startsWith(AUTHORS_PREFIX) && v.length() > AUTHORS_PREFIX.length()
                    ? AUTHORS_PREFIX
                        + Path.of(v.substring(AUTHORS_PREFIX.length())).toAbsolutePath().normalize()
                    : v)
        .collect(Collectors.joining(","));
  }

  /**
   * One {@code --peer} value: {@code torch-sdpa} or {@code authors=DIR}.
   *
   * @throws InvalidInputException naming the value and what is allowed
   */
  public static PeerScript parse(String value) {
    if (value.equals(TORCH_SDPA.id())) return TORCH_SDPA;
    if (value.startsWith(AUTHORS_PREFIX) && value.length() > AUTHORS_PREFIX.length()) {
      return authors(Path.of(value.substring(AUTHORS_PREFIX.length())));
    }
    throw new InvalidInputException(
        "unknown peer '" + value + "' (allowed: torch-sdpa, authors=DIR)");
  }

  /** The script to run: the first resource. */
  String script() {
    return resources.get(0);
  }
}
