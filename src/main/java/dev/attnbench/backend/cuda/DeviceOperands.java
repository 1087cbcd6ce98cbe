package dev.attnbench.backend.cuda;

import dev.attnbench.input.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * One method's operands resident on the device, plus the FP16 output buffer: what a launch reads
 * and writes. Buffers a family does not use are null. Closing frees them all.
 */
public final class DeviceOperands implements AutoCloseable {
  final HostOperands.Family family;
  final Shape shape;
  DeviceBuffer q;
  DeviceBuffer k;

  /** FP16 or FP8 V [B,H,N,D]; for the INT8 family the plain INT8 V before transposition. */
  DeviceBuffer v;

  /** INT8-P family: V8t [B,H,D,Npad]. */
  DeviceBuffer v8t;

  DeviceBuffer qScales;
  DeviceBuffer kScales;
  DeviceBuffer finalScales;

  /**
   * Device-side quantization's scratch: amax bits (per tensor or per channel), per-tensor scales.
   */
  DeviceBuffer scratch;

  final DeviceBuffer o;
  float r;
  float fs;

  /**
   * Each attention entry's TMA tensor maps for these buffers (made once by {@link
   * CudaAttention#tensorMaps}, passed by value at every launch).
   */
  final java.util.Map<String, byte[]> tensorMaps = new java.util.HashMap<>();

  /** Buffers that belong to someone else (the FP16 inputs of a {@link DeviceProblem}). */
  private final java.util.Set<DeviceBuffer> borrowed =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** Marks {@code b} as owned elsewhere: {@link #close} leaves it alone. Returns {@code b}. */
  DeviceBuffer borrow(DeviceBuffer b) {
    borrowed.add(b);
    return b;
  }

  DeviceOperands(HostOperands.Family family, Shape shape) {
    this.family = family;
    this.shape = shape;
    this.o = DeviceBuffer.allocate(2 * shape.elements(), "O");
  }

  public Shape shape() {
    return shape;
  }

  /** The FP16 output [B,H,N,D]. */
  public DeviceBuffer output() {
    return o;
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    java.util.Set<DeviceBuffer> closed =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (DeviceBuffer b :
        new DeviceBuffer[] {q, k, v, v8t, qScales, kScales, finalScales, scratch, o}) {
      if (b != null && !borrowed.contains(b) && closed.add(b)) {
        try {
          b.close();
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
