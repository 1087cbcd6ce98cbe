package dev.attnbench.backend.cuda;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import jcuda.driver.CUstream;

/**
 * One timing problem on the device: FP16 Q, K, V drawn there ({@link LatencyInputs}; a 268M element
 * tensor is never touched by Java), attended at a given softmax scale, and the method's operands
 * derived from them.
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
  // The kernel entry for this shape's N, chosen once: the timed region holds the launch alone.
  private final String entry;
  private final double softmaxScale;
  private final DeviceBuffer qHalf;
  private final DeviceBuffer kHalf;
  private final DeviceBuffer vHalf;
  private DeviceOperands ops;

  private DeviceProblem(
      CudaAttention cuda,
      Method method,
      Shape shape,
      double softmaxScale,
      DeviceBuffer q,
      DeviceBuffer k,
      DeviceBuffer v) {
    this.cuda = cuda;
    this.method = method;
    this.shape = shape;
    this.softmaxScale = softmaxScale;
    this.entry = cuda.entryFor(method, shape);
    this.qHalf = q;
    this.kHalf = k;
    this.vHalf = v;
  }

  static DeviceProblem create(
      CudaAttention cuda, Method method, Shape shape, LatencyInputs inputs, double softmaxScale) {
    long bytes = 2 * shape.elements();
    return assemble(
        cuda,
        method,
        shape,
        softmaxScale,
        tensor -> {
          DeviceBuffer b = DeviceBuffer.allocate(bytes, NAMES[tensor]);
          // Three independent streams of the counter-based generator, one per tensor.
          cuda.fill().draw(b, inputs.distribution(), inputs.seed() * 3 + tensor, null);
          return b;
        },
        p -> {
          p.prepareOperands();
          // Made here, so that no timed launch waits for them.
          cuda.tensorMaps(p.entry, p.ops);
        });
  }

  /**
   * A problem on given FP16 inputs (uploaded as they are) with the operands quantized on the
   * device: the selftest's way to check the device quantizers against the host's.
   */
  static DeviceProblem fromInputs(CudaAttention cuda, Method method, AttentionInputs in) {
    float[][] tensors = {in.q(), in.k(), in.v()};
    return assemble(
        cuda,
        method,
        in.shape(),
        in.softmaxScale(),
        tensor -> DeviceBuffer.ofFp16(tensors[tensor], NAMES[tensor]),
        p -> {
          p.ops = DeviceQuantizer.allocate(cuda, p);
          DeviceQuantizer.quantize(cuda, p, null);
          cuda.context().synchronize();
          DeviceQuantizer.finish(p);
        });
  }

  private static final String[] NAMES = {"Q fp16", "K fp16", "V fp16"};

  /**
   * Makes Q, K, V (tensor 0, 1, 2) with {@code input}, then the problem, then {@code prepare}s it;
   * whatever was allocated is freed if a step fails.
   */
  private static DeviceProblem assemble(
      CudaAttention cuda,
      Method method,
      Shape shape,
      double softmaxScale,
      IntFunction<DeviceBuffer> input,
      Consumer<DeviceProblem> prepare) {
    DeviceBuffer[] qkv = new DeviceBuffer[3];
    try {
      for (int t = 0; t < 3; t++) {
        qkv[t] = input.apply(t);
      }
    } catch (RuntimeException e) {
      for (DeviceBuffer b : qkv) {
        if (b != null) b.close();
      }
      throw e;
    }
    DeviceProblem p = new DeviceProblem(cuda, method, shape, softmaxScale, qkv[0], qkv[1], qkv[2]);
    try {
      prepare.accept(p);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return p;
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
      ops.r = scaleLog2();
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
            shape, softmaxScale, qHalf.downloadFp16(), kHalf.downloadFp16(), vHalf.downloadFp16());
    ops = cuda.upload(HostOperands.prepare(method, in), null);
  }

  /** {@code c = softmax_scale · log2(e)} in FP64, rounded once to FP32 (docs/ARITHMETIC.md). */
  float scaleLog2() {
    return (float) (softmaxScale / Math.log(2.0));
  }

  /** Enqueues the attention kernel on prepared operands (kernel scope). */
  public void attention() {
    cuda.launchOnly(method, entry, ops, (CUstream) null);
  }

  /** Enqueues quantization from FP16 and the attention kernel (end-to-end scope). */
  public void endToEnd() {
    DeviceQuantizer.quantize(cuda, this, null);
    cuda.launchOnly(method, entry, ops, (CUstream) null);
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
