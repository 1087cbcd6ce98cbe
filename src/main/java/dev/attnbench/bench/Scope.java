package dev.attnbench.bench;

import dev.attnbench.InvalidInputException;

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

  public static Scope parse(String s) {
    for (Scope scope : values()) {
      if (scope.id.equals(s.trim())) {
        return scope;
      }
    }
    throw new InvalidInputException(
        "unknown scope '" + s + "' (allowed: kernel, end-to-end, both)");
  }

  @Override
  public String toString() {
    return id;
  }
}
