package dev.attnbench.backend.cuda;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import jcuda.driver.CUstream;

/**
 * One timing problem on the device: FP16 Q, K, V drawn there from normal(0, 1) (seeded; a 268M
 * element tensor is never touched by Java), and the method's operands derived from them.
 *
 * <p>The kernel scope times {@link #attention()} on operands prepared once, outside the timing: by
 * the device quantize kernels when the build has them, else by downloading the FP16 inputs and
 * quantizing on the host with the emulation's quantizers (slow for the largest shapes, but the
 * operands are identical). The end-to-end scope times {@link #endToEnd()}: the quantize kernels
 * from FP16, then attention.
 */
public final class DeviceProblem implements AutoCloseable {
  private final CudaAttention cuda;
  private final Method method;
  private final Shape shape;
  private final DeviceBuffer qHalf;
  private final DeviceBuffer kHalf;
  private final DeviceBuffer vHalf;
  private DeviceOperands ops;

  private DeviceProblem(
      CudaAttention cuda,
      Method method,
      Shape shape,
      DeviceBuffer q,
      DeviceBuffer k,
      DeviceBuffer v) {
    this.cuda = cuda;
    this.method = method;
    this.shape = shape;
    this.qHalf = q;
    this.kHalf = k;
    this.vHalf = v;
  }

  static DeviceProblem create(CudaAttention cuda, Method method, Shape shape, long seed) {
    long bytes = 2 * shape.elements();
    DeviceBuffer q = DeviceBuffer.allocate(bytes, "Q fp16");
    DeviceBuffer k = null;
    DeviceBuffer v = null;
    try {
      k = DeviceBuffer.allocate(bytes, "K fp16");
      v = DeviceBuffer.allocate(bytes, "V fp16");
      DeviceFill fill = cuda.fill();
      // Three independent streams of the counter-based generator, one per tensor.
      fill.normal(q, seed * 3, 0f, 1f, null);
      fill.normal(k, seed * 3 + 1, 0f, 1f, null);
      fill.normal(v, seed * 3 + 2, 0f, 1f, null);
      DeviceProblem p = new DeviceProblem(cuda, method, shape, q, k, v);
      try {
        p.prepareOperands();
      } catch (RuntimeException e) {
        p.close();
        throw e;
      }
      return p;
    } catch (RuntimeException e) {
      if (v != null) v.close();
      if (k != null) k.close();
      q.close();
      throw e;
    }
  }

  /**
   * A problem on given FP16 inputs (uploaded as they are) with the operands quantized on the
   * device: the selftest's way to check the device quantizers against the host's.
   */
  static DeviceProblem fromInputs(CudaAttention cuda, Method method, AttentionInputs in) {
    Shape shape = in.shape();
    DeviceBuffer q = DeviceBuffer.ofFp16(in.q(), "Q fp16");
    DeviceBuffer k = null;
    DeviceBuffer v = null;
    try {
      k = DeviceBuffer.ofFp16(in.k(), "K fp16");
      v = DeviceBuffer.ofFp16(in.v(), "V fp16");
      DeviceProblem p = new DeviceProblem(cuda, method, shape, q, k, v);
      try {
        p.ops = DeviceQuantizer.allocate(cuda, p);
        DeviceQuantizer.quantize(cuda, p, null);
        cuda.context().synchronize();
        DeviceQuantizer.finish(p);
      } catch (RuntimeException e) {
        p.close();
        throw e;
      }
      return p;
    } catch (RuntimeException e) {
      if (v != null) v.close();
      if (k != null) k.close();
      q.close();
      throw e;
    }
  }

  public Method method() {
    return method;
  }

  public Shape shape() {
    return shape;
  }

  DeviceOperands operands() {
    return ops;
  }

  DeviceBuffer qHalf() {
    return qHalf;
  }

  DeviceBuffer kHalf() {
    return kHalf;
  }

  DeviceBuffer vHalf() {
    return vHalf;
  }

  private void prepareOperands() {
    HostOperands.Family family = HostOperands.familyOf(method);
    if (family == HostOperands.Family.FP16) {
      ops = new DeviceOperands(family, shape);
      ops.q = ops.borrow(qHalf);
      ops.k = ops.borrow(kHalf);
      ops.v = ops.borrow(vHalf);
      ops.r = scaleLog2(shape);
      ops.fs = 1f;
      return;
    }
    if (DeviceQuantizer.whyUnsupported(cuda.library(), method) == null) {
      ops = DeviceQuantizer.allocate(cuda, this);
      DeviceQuantizer.quantize(cuda, this, null);
      cuda.context().synchronize();
      DeviceQuantizer.finish(this);
      return;
    }
    // Host fallback: the same quantizers as the emulation, on the device's FP16 values.
    AttentionInputs in =
        new AttentionInputs(
            shape,
            shape.defaultSoftmaxScale(),
            qHalf.downloadFp16(),
            kHalf.downloadFp16(),
            vHalf.downloadFp16());
    ops = cuda.upload(HostOperands.prepare(method, in), null);
  }

  /** {@code c = softmax_scale · log2(e)} in FP64, rounded once to FP32 (docs/ARITHMETIC.md). */
  static float scaleLog2(Shape shape) {
    return (float) (shape.defaultSoftmaxScale() / Math.log(2.0));
  }

  /** Enqueues the attention kernel on prepared operands (kernel scope). */
  public void attention() {
    cuda.launchOnly(method, ops, (CUstream) null);
  }

  /** Enqueues quantization from FP16 and the attention kernel (end-to-end scope). */
  public void endToEnd() {
    DeviceQuantizer.quantize(cuda, this, null);
    cuda.launchOnly(method, ops, (CUstream) null);
  }

  @Override
  public void close() {
    try {
      if (ops != null) {
        ops.close();
      }
    } finally {
      try {
        vHalf.close();
      } finally {
        try {
          kHalf.close();
        } finally {
          qHalf.close();
        }
      }
    }
  }
}
