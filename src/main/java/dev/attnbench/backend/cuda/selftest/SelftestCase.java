package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;

/**
 * One check: a method's kernel on one shape, compared with its emulation and the FP64 reference.
 *
 * @param rowsPerSlice query rows compared per (batch, head); {@code >= N} means all
 */
public record SelftestCase(Method method, Shape shape, int rowsPerSlice) {

  /** A short, stable label for the log line. */
  public String label() {
    return String.format(
        "%-17s B=%d H=%-2d N=%-4d D=%-3d %-6s",
        method.id(),
        shape.batch(),
        shape.heads(),
        shape.seqLen(),
        shape.headDim(),
        shape.causal() ? "causal" : "full");
  }
}
