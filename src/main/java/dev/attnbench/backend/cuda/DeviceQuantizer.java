package dev.attnbench.backend.cuda;

import dev.attnbench.input.Shape;
import dev.attnbench.method.Method;
import dev.attnbench.method.Recipe;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUstream;

/**
 * The quantize kernels ({@code kernels/quantize.cu}) that turn a {@link DeviceProblem}'s FP16 Q, K,
 * V into its method's operands, on the device: what the end-to-end scope times in front of the
 * attention kernel, and how the kernel scope prepares its operands without a trip through Java.
 * Each quantizer is bit-exact to docs/ARITHMETIC.md, so the operands equal the host quantizers'.
 *
 * <p>Not covered, so those methods fall back to host quantization for the kernel scope and have no
 * end-to-end time: K smoothing ({@code +smoothk}: no smoothing kernel), and {@code fp8-e4m3}
 * end-to-end (its r = f32(f32(c·s_q)·s_k) is a kernel argument, so it needs the device's scales on
 * the host: a synchronizing read that would not be a fair end-to-end time).
 */
final class DeviceQuantizer {
  private DeviceQuantizer() {}

  private static final int THREADS = 256;

  /** Grid of the grid-stride kernels: enough blocks to fill any current GPU several times. */
  private static final int STRIDE_BLOCKS = 1024;

  /**
   * Rows each lane of {@link #QK_VAMAX}'s Q and K parts quantizes at D = 64 and 128, with all their
   * loads in flight at once ({@code kRowsPerLane} in quantize.cu).
   */
  private static final int ROWS_PER_LANE = 2;

  /** Rows of V per block of the per-channel kernels ({@code kChannelRows} in quantize.cu). */
  private static final int CHANNEL_ROWS = 64;

  /** The INT8 pipeline's first launch: Q and K per token, and V's amax. */
  private static final String QK_VAMAX = "quant_int8_qk_vamax";

  /** What the V blocks of {@link #QK_VAMAX} do: its {@code vMode} ({@code VAmaxMode} there). */
  private enum VAmax {
    NONE(0),
    PER_TENSOR(1),
    PER_CHANNEL(2);

    final int code;

    VAmax(int code) {
      this.code = code;
    }
  }

  /** Null when the device can quantize for {@code method}; else why not. */
  static String whyUnsupported(KernelLibrary library, Method method) {
    String missing =
        switch (method) {
          case FP16 -> null;
          case FP8 -> need(library, "quant_fp8_e5m2");
          case FP8_E4M3 -> need(library, "quant_absmax_f16", "quant_fp8_e4m3");
          case FP8_NATIVE ->
              need(library, "quant_absmax_f16", "quant_fp8_e4m3", KernelEntries.V_TRANSPOSE);
          case INT8_HALF -> need(library, QK_VAMAX);
          case INT8, INT8_U8P, INT8_QSUM -> need(library, QK_VAMAX, "quant_int8_v8t_per_tensor");
          case INT8_PLUS, INT8_VCHAN -> need(library, QK_VAMAX, "quant_int8_v8t_per_channel");
          case INT8_SMOOTHK, INT8_PLUS_SMOOTHK -> "K smoothing has no device kernel";
        };
    return missing;
  }

  /** Whether {@code method} can be timed end to end (quantize + attention, no host round trip). */
  static String whyNoEndToEnd(KernelLibrary library, Method method) {
    if (rFromDeviceScales(method)) {
      return "its kernel takes r = c·s_q·s_k as an argument, so the scales the device computes"
          + " would have to be read back to the host, a synchronization inside the timed region";
    }
    return whyUnsupported(library, method);
  }

  /**
   * Per-tensor scaled e4m3: r and fs are formed on the host from the scales the device computes.
   */
  private static boolean rFromDeviceScales(Method method) {
    return method == Method.FP8_E4M3 || method == Method.FP8_NATIVE;
  }

  private static String need(KernelLibrary library, String... entries) {
    for (String e : entries) {
      if (!library.has(e)) {
        return "no kernel " + e + " in this build";
      }
    }
    return null;
  }

  /** Allocates the operand buffers that {@link #quantize} writes; FP16 inputs are borrowed. */
  static DeviceOperands allocate(CudaAttention cuda, DeviceProblem p) {
    Shape s = p.shape();
    Method m = p.method();
    HostOperands.Family family = HostOperands.familyOf(m);
    DeviceOperands ops = new DeviceOperands(family, s);
    try {
      long n = s.elements();
      long rows = (long) s.slices() * s.seqLen();
      ops.r = p.scaleLog2();
      ops.fs = 1f;
      switch (family) {
        case FP16 -> {
          ops.q = ops.borrow(p.qHalf());
          ops.k = ops.borrow(p.kHalf());
          ops.v = ops.borrow(p.vHalf());
        }
        case FP8, FP8_V8T -> {
          ops.q = DeviceBuffer.allocate(n, "Q8");
          ops.k = DeviceBuffer.allocate(n, "K8");
          ops.v = DeviceBuffer.allocate(n, "V8");
          // e4m3: [0..2] amax bits of Q, K, V; [3..5] their scales.
          ops.scratch = DeviceBuffer.allocate(6 * 4, "fp8 amax/scales");
          if (family == HostOperands.Family.FP8_V8T) {
            cuda.allocateV8t(ops);
          }
        }
        case INT8_HALF -> {
          ops.q = DeviceBuffer.allocate(n, "Q8");
          ops.k = DeviceBuffer.allocate(n, "K8");
          ops.v = ops.borrow(p.vHalf());
          ops.qScales = DeviceBuffer.allocate(4 * rows, "sq");
          ops.kScales = CudaAttention.keyScalesBuffer(s);
        }
        case INT8 -> {
          // V goes straight from FP16 to V8t (quant_int8_v8t_*): no row-major V8.
          ops.q = DeviceBuffer.allocate(n, "Q8");
          ops.k = DeviceBuffer.allocate(n, "K8");
          ops.qScales = DeviceBuffer.allocate(4 * rows, "sq");
          ops.kScales = CudaAttention.keyScalesBuffer(s);
          ops.finalScales = DeviceBuffer.allocate(4L * s.slices() * s.headDim(), "fs");
          // Per-tensor V: [0] amax bits, [1] s_v; per-channel V: the amax bits of each (b,h,d).
          boolean perChannel = m.int8Variant().orElseThrow().perChannelV();
          ops.scratch =
              perChannel
                  ? DeviceBuffer.allocate(4L * s.slices() * s.headDim(), "V amax per channel")
                  : DeviceBuffer.allocate(2 * 4, "V amax/scale");
          cuda.allocateV8t(ops);
        }
      }
      return ops;
    } catch (RuntimeException e) {
      ops.close();
      throw e;
    }
  }

  /** Enqueues the quantization of {@code p}'s FP16 inputs into its operands on {@code stream}. */
  static void quantize(CudaAttention cuda, DeviceProblem p, CUstream stream) {
    KernelLibrary lib = cuda.library();
    DeviceOperands ops = p.operands();
    Shape s = p.shape();
    long n = s.elements();
    int d = s.headDim();
    Method m = p.method();
    switch (ops.family) {
      case FP16 -> {
        // FP16 runs on its inputs as they are.
      }
      case FP8, FP8_V8T -> {
        if (m == Method.FP8) {
          Kernel cast = lib.kernel("quant_fp8_e5m2");
          cast.launch(STRIDE_BLOCKS, 1, 1, THREADS, 0, stream, p.qHalf(), ops.q, n);
          cast.launch(STRIDE_BLOCKS, 1, 1, THREADS, 0, stream, p.kHalf(), ops.k, n);
          cast.launch(STRIDE_BLOCKS, 1, 1, THREADS, 0, stream, p.vHalf(), ops.v, n);
        } else {
          ops.scratch.fill32(0, stream);
          Kernel absmax = lib.kernel("quant_absmax_f16");
          Kernel cast = lib.kernel("quant_fp8_e4m3");
          DeviceBuffer[] in = {p.qHalf(), p.kHalf(), p.vHalf()};
          DeviceBuffer[] out = {ops.q, ops.k, ops.v};
          for (int t = 0; t < 3; t++) {
            absmax.launch(
                STRIDE_BLOCKS, 1, 1, THREADS, 0, stream, in[t], n, ops.scratch.at(4L * t));
            cast.launch(
                STRIDE_BLOCKS,
                1,
                1,
                THREADS,
                0,
                stream,
                in[t],
                out[t],
                ops.scratch.at(4L * t),
                ops.scratch.at(4L * (3 + t)),
                n);
          }
          if (ops.family == HostOperands.Family.FP8_V8T) {
            cuda.transposeV(ops, stream);
          }
        }
      }
      case INT8_HALF -> quantizeQkAndVAmax(lib, p, ops, VAmax.NONE, stream);
      case INT8 -> {
        Method.Int8Variant variant = m.int8Variant().orElseThrow();
        if (d % 8 != 0 || THREADS % (d / 8) != 0) {
          throw new IllegalStateException(
              "the INT8 V quantize kernels need D/8 to divide " + THREADS + ", got D=" + d);
        }
        // Q and K per token with the amax of V (per channel or per tensor) in one launch, then V's
        // codes written straight into V8t with fs = f32(s_v / levels): levels 1 (fs = s_v) when
        // the denominator counts P̃, else P̃'s levels.
        boolean perChannel = variant.perChannelV();
        ops.scratch.fill32(0, stream);
        quantizeQkAndVAmax(lib, p, ops, perChannel ? VAmax.PER_CHANNEL : VAmax.PER_TENSOR, stream);
        int v8tBlocks = cuda.v8tBlocks(s);
        int npad = CudaAttention.paddedKeys(s);
        float levels = variant.quantizedDenominator() ? 1f : variant.pLevels();
        if (perChannel) {
          lib.kernel("quant_int8_v8t_per_channel")
              .launch(
                  v8tBlocks,
                  s.slices(),
                  1,
                  CudaAttention.V8T_THREADS,
                  0,
                  stream,
                  p.vHalf(),
                  ops.scratch,
                  ops.v8t,
                  ops.finalScales,
                  levels,
                  s.slices(),
                  s.seqLen(),
                  npad,
                  d);
        } else {
          lib.kernel("quant_int8_v8t_per_tensor")
              .launch(
                  v8tBlocks,
                  s.slices(),
                  1,
                  CudaAttention.V8T_THREADS,
                  0,
                  stream,
                  p.vHalf(),
                  ops.scratch.at(0),
                  ops.v8t,
                  ops.scratch.at(4),
                  ops.finalScales,
                  levels,
                  s.slices(),
                  s.seqLen(),
                  npad,
                  d);
        }
      }
    }
  }

  /**
   * Q and K per token and, unless {@code vAmax} is NONE, V's amax into {@code ops.scratch} (which
   * must be 0): one launch of {@link #QK_VAMAX}, whose blocks split into a Q part, a K part and a V
   * part.
   */
  private static void quantizeQkAndVAmax(
      KernelLibrary lib, DeviceProblem p, DeviceOperands ops, VAmax vAmax, CUstream stream) {
    Shape s = p.shape();
    int d = s.headDim();
    int rows = Math.toIntExact((long) s.slices() * s.seqLen());
    // The blocks each part needs: at D = 64 and 128 each thread of Q's and K's takes one 16-byte
    // load of each of ROWS_PER_LANE rows (D/8 lanes per row), at other D each warp one row; V's
    // per-tensor amax strides over any number of blocks, its per-channel one takes a block per
    // chunk of rows.
    int rowsPerBlock = d == 64 || d == 128 ? THREADS * 8 / d * ROWS_PER_LANE : THREADS / 32;
    int qkBlocks = (rows + rowsPerBlock - 1) / rowsPerBlock;
    int vBlocks =
        switch (vAmax) {
          case NONE -> 0;
          case PER_TENSOR -> STRIDE_BLOCKS;
          case PER_CHANNEL -> (s.seqLen() + CHANNEL_ROWS - 1) / CHANNEL_ROWS * s.slices();
        };
    lib.kernel(QK_VAMAX)
        .launch(
            Math.addExact(2 * qkBlocks, vBlocks),
            1,
            1,
            THREADS,
            0,
            stream,
            p.qHalf(),
            p.kHalf(),
            p.vHalf(),
            ops.q,
            ops.k,
            ops.qScales,
            ops.kScales,
            // int8-half has no amax buffer, and its launch no V blocks to write one.
            vAmax == VAmax.NONE ? new CUdeviceptr() : ops.scratch,
            vAmax.code,
            rows,
            s.slices(),
            s.seqLen(),
            d,
            qkBlocks);
  }

  /**
   * After {@link #quantize} has completed, sets what needs the host: fp8-e4m3's (and fp8-native's)
   * r = f32(f32(c·s_q)·s_k) and fs (f32(s_v/256), or s_v where the denominator counts P̃) from the
   * three per-tensor scales the device computed.
   */
  static void finish(DeviceProblem p) {
    DeviceOperands ops = p.operands();
    if (rFromDeviceScales(p.method())) {
      float[] scales = new float[3];
      ops.scratch.download(12, scales, 0, 3);
      float c = p.scaleLog2();
      ops.r = c * scales[0] * scales[1];
      ops.fs = Recipe.of(p.method(), p.shape().headDim()).finalScale(scales[2]);
    }
  }
}
