package dev.attnbench.bench;

import dev.attnbench.CliIds;

/**
 * How a cold sample empties L2 before its start event ({@code --l2-flush}). Both fill L2 with a
 * buffer twice its size; they differ in what the timed work then finds there.
 */
public enum L2Flush {
  /**
   * {@code cuMemsetD32Async} over the buffer, as nvbench and Triton's {@code do_bench} do. It
   * leaves L2 full of dirty lines, so the timed work pays their write-back as it evicts them.
   */
  WRITE("write", "memset of 2x L2 (leaves L2 dirty)"),
  /**
   * A kernel that reads the buffer ({@code l2_flush_read} in kernels/fill.cu): L2 holds clean
   * lines, which the timed work evicts for free.
   */
  READ("read", "kernel reading 2x L2 (leaves L2 clean)");

  private final String id;
  private final String description;

  L2Flush(String id, String description) {
    this.id = id;
    this.description = description;
  }

  public String id() {
    return id;
  }

  /** What run.json says about the flush. */
  public String description() {
    return description;
  }

  public static L2Flush parse(String s) {
    return CliIds.parse("--l2-flush", s, values(), L2Flush::id);
  }

  @Override
  public String toString() {
    return id;
  }
}
