package dev.attnbench.bench;

import dev.attnbench.CliIds;

/** What one latency sample contains. */
public enum Scope {
  /** The attention kernel alone, on inputs already quantized on the device (the paper's timing). */
  KERNEL("kernel"),
  /** The quantize kernels plus attention, from FP16 Q, K, V: what a user of the operator pays. */
  END_TO_END("end-to-end");

  private final String id;

  Scope(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** A scope by its id; "both" is the sweep's to expand (LatencySweep), named in the error. */
  public static Scope parse(String s) {
    return CliIds.parse("scope", s, values(), Scope::id, "both");
  }

  @Override
  public String toString() {
    return id;
  }
}
