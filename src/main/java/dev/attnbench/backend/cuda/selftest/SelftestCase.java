package dev.attnbench.backend.cuda.selftest;

import dev.attnbench.backend.cuda.KernelEntries;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;

/**
 * One check: a method's kernel on one shape, compared with its emulation and the FP64 reference.
 *
 * @param entry the kernel entry run, whatever N it is meant for (the kernel, or its short- or
 *     mid-sequence entry)
 * @param rowsPerSlice query rows compared per (batch, head); {@code >= N} means all
 * @param scale the softmax scale of the inputs
 */
public record SelftestCase(
    Method method, String entry, Shape shape, int rowsPerSlice, CheckedScale scale) {

  /** A check of the kernel's main entry at 1/sqrt(D). */
  public SelftestCase(Method method, Shape shape, int rowsPerSlice) {
    this(
        method,
        KernelEntries.attention(method, shape.headDim()),
        shape,
        rowsPerSlice,
        CheckedScale.RSQRT_D);
  }

  /**
   * A short, stable label for the log line: the method, with "/short" or "/mid" for a bounded
   * entry, padded to the longest ("int8-plus-smoothk/short") so that the columns line up, the shape
   * and the scale.
   */
  public String label() {
    String suffix = KernelEntries.boundedSuffix(entry).replace('_', '/');
    return String.format(
        "%-23s B=%d H=%-2d N=%-4d D=%-3d %-6s scale %-9s",
        method.id() + suffix,
        shape.batch(),
        shape.heads(),
        shape.seqLen(),
        shape.headDim(),
        shape.causal() ? "causal" : "full",
        scale.label());
  }
}
