package dev.attnbench.backend.cuda;

import dev.attnbench.InvalidInputException;
import dev.attnbench.backend.AttentionBackend;
import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.method.DenominatorWeight;
import dev.attnbench.method.KernelTraits;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;
import dev.attnbench.method.Recipe;
import dev.attnbench.numeric.Fp16;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jcuda.driver.CUstream;

/**
 * The CUDA kernels as an {@link AttentionBackend}, and the device-side problem set-up the benchmark
 * times. For accuracy runs the inputs are quantized on the host with the emulation's own quantizers
 * ({@link HostOperands}), so kernel and emulation see identical operands; INT8 V is uploaded plain
 * and transposed on the device by {@code int8_v_transpose}. Before every launch the output is
 * poisoned with FP16 NaN, so an element the kernel fails to write cannot pass for a result.
 *
 * <p>Each entry's launch shape comes from its module ({@code <entry>_launch}); its Bc must equal
 * {@link KernelTraits#keyBlock} on the path its image runs ({@link #path}), since Bc changes
 * rounding and the emulation uses the Java value.
 */
public final class CudaAttention implements AttentionBackend {
  private final CudaContext context;
  private final GpuInfo gpu;
  private final KernelLibrary library;
  private final Map<String, LaunchShape> launchShapes = new HashMap<>();
  private DeviceFill fill;

  private CudaAttention(CudaContext context, GpuInfo gpu, KernelLibrary library) {
    this.context = context;
    this.gpu = gpu;
    this.library = library;
  }

  /**
   * Opens device 0 (or {@code ATTN_BENCH_DEVICE}) with the packaged kernels.
   *
   * @throws InvalidInputException with a one-line reason when no CUDA device can be used
   */
  public static CudaAttention open() {
    GpuPresence presence = GpuPresence.probe();
    if (!presence.present()) {
      throw new InvalidInputException("no CUDA device: " + presence.reason());
    }
    CudaContext context = CudaContext.openDefault();
    try {
      KernelLibrary library = KernelLibrary.packaged();
      if (library.files().isEmpty()) {
        throw new InvalidInputException(
            "this jar carries no CUDA kernels (it was built without nvcc): rebuild with nvcc on the PATH");
      }
      return new CudaAttention(context, GpuInfo.query(context), library);
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@link #name()}: the backend column of accuracy.csv. */
  public static final String NAME = "cuda";

  public GpuInfo gpu() {
    return gpu;
  }

  public CudaContext context() {
    return context;
  }

  public KernelLibrary library() {
    return library;
  }

  /**
   * The tensor-core instruction of the images the driver loaded for this GPU (wgmma for the sm_90a
   * image, mma.sync for the others), as fp16's D=64 kernel exports it: the emulation beside these
   * kernels must take the same path's contract.
   */
  public MmaPath path() {
    return launchShape(Method.FP16, 64).path();
  }

  @Override
  public boolean supports(Method method, int headDim) {
    return whyUnsupported(method, headDim, false) == null;
  }

  @Override
  public String whyUnsupported(Method method, int headDim) {
    return whyUnsupported(method, headDim, false);
  }

  /**
   * Null when {@code method} at {@code headDim} can run (with its quantize kernels, if {@code
   * endToEnd}); else the reason.
   */
  public String whyUnsupported(Method method, int headDim, boolean endToEnd) {
    String entry = KernelEntries.attention(method, headDim);
    if (!library.has(entry)) {
      return "no kernel " + entry + " in this build";
    }
    if (usesV8t(HostOperands.familyOf(method)) && !library.has(KernelEntries.V_TRANSPOSE)) {
      return "no kernel " + KernelEntries.V_TRANSPOSE + " in this build";
    }
    if (method == Method.FP8_NATIVE && gpu.ccMajor() * 10 + gpu.ccMinor() < 89) {
      return "the FP8 tensor-core mma needs compute capability 8.9 or newer; "
          + gpu.name()
          + " is "
          + gpu.arch();
    }
    // The image the driver took may still lack an entry: the compute_80 PTX (what a GPU newer
    // than the fatbin's cubins runs) has no FP8 tensor-core mma, and says so (N bound -1).
    LaunchShape ls = launchShape(method, headDim);
    if (!ls.built()) {
      return entry
          + " is not built in the image the driver loaded for "
          + gpu.name()
          + " ("
          + gpu.arch()
          + ", "
          + ls.path().id()
          + ")";
    }
    if (endToEnd) {
      return DeviceQuantizer.whyNoEndToEnd(library, method);
    }
    return null;
  }

  @Override
  public float[] forward(Method method, AttentionInputs inputs, RowSample rows) {
    return forward(method, entryFor(method, inputs.shape()), inputs, rows);
  }

  /**
   * {@link #forward(Method, AttentionInputs, RowSample)} on a given entry of {@code method}'s
   * kernel ({@link #entries}), whatever N it is meant for: the selftest checks every entry.
   */
  public float[] forward(Method method, String entry, AttentionInputs inputs, RowSample rows) {
    context.makeCurrent();
    HostOperands host = HostOperands.prepare(method, inputs);
    try (DeviceOperands ops = upload(host, null)) {
      launch(method, entry, ops, null);
      context.synchronize();
      return downloadRows(ops.output(), inputs.shape(), rows);
    }
  }

  /**
   * Why the device cannot quantize {@code method}'s inputs (the benchmark then quantizes them on
   * the host and has no end-to-end time for it), or null when it can.
   */
  public String whyNoDeviceQuantization(Method method) {
    return DeviceQuantizer.whyUnsupported(library, method);
  }

  /**
   * Checks that the device quantizers ({@code quantize.cu}, used by the benchmark) produce exactly
   * the host quantizers' operands for {@code method} on {@code inputs}: every operand buffer byte
   * for byte, and r and fs bit for bit.
   *
   * @return null when identical; else what differs
   * @throws IllegalArgumentException when the device cannot quantize {@code method} ({@link
   *     #whyNoDeviceQuantization}): there is nothing to compare
   */
  public String compareDeviceQuantization(Method method, AttentionInputs inputs) {
    String why = whyNoDeviceQuantization(method);
    if (why != null) {
      throw new IllegalArgumentException(
          "no device quantization to compare for " + method.id() + ": " + why);
    }
    context.makeCurrent();
    HostOperands host = HostOperands.prepare(method, inputs);
    try (DeviceOperands h = upload(host, null);
        DeviceProblem p = DeviceProblem.fromInputs(this, method, inputs)) {
      DeviceOperands d = p.operands();
      StringBuilder diff = new StringBuilder();
      compare(diff, "Q", h.q, d.q);
      compare(diff, "K", h.k, d.k);
      boolean v8t = usesV8t(h.family);
      compare(diff, v8t ? "V8t" : "V", v8t ? h.v8t : h.v, v8t ? d.v8t : d.v);
      compare(diff, "sq", h.qScales, d.qScales);
      compare(diff, "sk", h.kScales, d.kScales);
      compare(diff, "fs[]", h.finalScales, d.finalScales);
      if (Float.floatToRawIntBits(h.r) != Float.floatToRawIntBits(d.r)) {
        diff.append(" r ").append(h.r).append(" vs ").append(d.r);
      }
      if (Float.floatToRawIntBits(h.fs) != Float.floatToRawIntBits(d.fs)) {
        diff.append(" fs ").append(h.fs).append(" vs ").append(d.fs);
      }
      return diff.length() == 0 ? null : diff.toString().trim();
    }
  }

  /** Whether the kernels of {@code family} read V as V8t (made by {@code int8_v_transpose}). */
  static boolean usesV8t(HostOperands.Family family) {
    return family == HostOperands.Family.INT8 || family == HostOperands.Family.FP8_V8T;
  }

  private static void compare(StringBuilder diff, String name, DeviceBuffer a, DeviceBuffer b) {
    if (a == null && b == null) {
      return;
    }
    if (a == null || b == null || a.bytes() != b.bytes()) {
      diff.append(' ').append(name).append(" missing or of another size;");
      return;
    }
    byte[] x = new byte[Math.toIntExact(a.bytes())];
    byte[] y = new byte[x.length];
    a.download(0, x, 0, x.length);
    b.download(0, y, 0, y.length);
    int first = java.util.Arrays.mismatch(x, y);
    if (first >= 0) {
      int count = 0;
      for (int i = first; i < x.length; i++) {
        if (x[i] != y[i]) {
          count++;
        }
      }
      diff.append(' ')
          .append(name)
          .append(": ")
          .append(count)
          .append(" bytes differ, first at ")
          .append(first)
          .append(';');
    }
  }

  /** Uploads host-quantized operands (and transposes INT8 V, or fp8-native's V, on the device). */
  public DeviceOperands upload(HostOperands h, CUstream stream) {
    DeviceOperands ops = new DeviceOperands(h.family(), h.shape());
    try {
      switch (h.family()) {
        case FP16 -> {
          ops.q = halfBuffer(h.qHalf(), "Q");
          ops.k = halfBuffer(h.kHalf(), "K");
          ops.v = halfBuffer(h.vHalf(), "V");
        }
        case FP8, FP8_V8T -> {
          ops.q = DeviceBuffer.of(h.q(), "Q8");
          ops.k = DeviceBuffer.of(h.k(), "K8");
          ops.v = DeviceBuffer.of(h.v(), "V8");
          if (h.family() == HostOperands.Family.FP8_V8T) {
            allocateV8t(ops);
            transposeV(ops, stream);
          }
        }
        case INT8_HALF -> {
          ops.q = DeviceBuffer.of(h.q(), "Q8");
          ops.k = DeviceBuffer.of(h.k(), "K8");
          ops.v = halfBuffer(h.vHalf(), "V");
          ops.qScales = DeviceBuffer.of(h.qScales(), "sq");
          ops.kScales = DeviceBuffer.of(paddedKeyScales(h.kScales(), h.shape()), "sk");
        }
        case INT8 -> {
          ops.q = DeviceBuffer.of(h.q(), "Q8");
          ops.k = DeviceBuffer.of(h.k(), "K8");
          ops.v = DeviceBuffer.of(h.v(), "V8");
          ops.qScales = DeviceBuffer.of(h.qScales(), "sq");
          ops.kScales = DeviceBuffer.of(paddedKeyScales(h.kScales(), h.shape()), "sk");
          ops.finalScales = DeviceBuffer.of(h.finalScales(), "fs");
          allocateV8t(ops);
          transposeV(ops, stream);
        }
      }
      ops.r = h.r();
      ops.fs = h.fs();
      return ops;
    } catch (RuntimeException e) {
      ops.close();
      throw e;
    }
  }

  private static DeviceBuffer halfBuffer(short[] bits, String label) {
    DeviceBuffer b = DeviceBuffer.allocate(2L * bits.length, label);
    try {
      b.upload(bits);
      return b;
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
  }

  /** V8t for the 8-bit P̃·V kernels: [B,H,D,Npad] with Npad a multiple of every Bc. */
  void allocateV8t(DeviceOperands ops) {
    Shape s = ops.shape();
    ops.v8t = DeviceBuffer.allocate((long) s.slices() * s.headDim() * paddedKeys(s), "V8t");
  }

  /**
   * Runs {@code int8_v_transpose}: V8 [B,H,N,D] into the permuted, zero-padded V8t. It moves bytes,
   * so it serves fp8-native's e4m3 codes as well as host-quantized INT8 V.
   */
  void transposeV(DeviceOperands ops, CUstream stream) {
    Shape s = ops.shape();
    library
        .kernel(KernelEntries.V_TRANSPOSE)
        .launch(
            v8tBlocks(s),
            s.slices(),
            1,
            V8T_THREADS,
            0,
            stream,
            ops.v,
            ops.v8t,
            s.slices(),
            s.seqLen(),
            paddedKeys(s),
            s.headDim());
  }

  /**
   * Npad, the keys of one (b,h) in V8t and in s_k: N rounded up to {@link #PAD_KEYS}, the largest
   * Bc, so that the last key block of every kernel lies inside them, whichever Bc its method uses.
   */
  static int paddedKeys(Shape s) {
    return (s.seqLen() + PAD_KEYS - 1) / PAD_KEYS * PAD_KEYS;
  }

  /**
   * s_k as the kernels read it: [B, H, Npad] in {@link #skPosition} order, zero past N, from the
   * host's [B, H, N].
   */
  static float[] paddedKeyScales(float[] kScales, Shape s) {
    int n = s.seqLen(), npad = paddedKeys(s);
    float[] padded = new float[Math.multiplyExact(s.slices(), npad)];
    for (int bh = 0; bh < s.slices(); bh++) {
      for (int key = 0; key < n; key++) {
        padded[bh * npad + skPosition(key)] = kScales[bh * n + key];
      }
    }
    return padded;
  }

  /**
   * Where key {@code k}'s scale sits in its row of s_k ({@code sk_position}, padded_keys.cuh):
   * within each 64-key group, key 8j + 2t + e at 16·(j >> 1) + 4t + 2·(j & 1) + e, so that lane t
   * of a Q·Kᵀ fragment reads the scales of its keys in tiles j and j + 1 at once, and the four
   * lanes' reads fill consecutive banks.
   */
  static int skPosition(int k) {
    return (k & ~63) + 16 * ((k >> 4) & 3) + 4 * ((k >> 1) & 3) + 2 * ((k >> 3) & 1) + (k & 1);
  }

  /** s_k on the device for the device quantizer to fill: [B, H, Npad], zero past N. */
  static DeviceBuffer keyScalesBuffer(Shape s) {
    return DeviceBuffer.zeroed(4L * s.slices() * paddedKeys(s), "sk");
  }

  /**
   * Blocks per (b,h) of the kernels that write V8t ({@code int8_v_transpose} and quantize.cu's
   * {@code quant_int8_v8t_*}): one per {@link #V8T_KEYS} keys.
   */
  int v8tBlocks(Shape s) {
    int npad = paddedKeys(s);
    if (npad % V8T_KEYS != 0) {
      throw new CudaException(
          "V8t padding " + npad + " is not a multiple of " + V8T_KEYS + " keys");
    }
    return npad / V8T_KEYS;
  }

  /**
   * Keys per block of the V8t writers ({@code v8t::kKeys} in v8t_layout.cuh): 128 since kernels
   * v64, so that a block writes whole 128-byte rows of V8t.
   */
  private static final int V8T_KEYS = 128;

  /**
   * The padding unit of V8t's and s_k's keys: {@code kPadKeys} (padded_keys.cuh), the largest Bc.
   */
  public static final int PAD_KEYS = 128;

  static final int V8T_THREADS = 256;

  /**
   * The entries of {@code method}'s kernel at {@code headDim} that run on this GPU: the kernel
   * first, then those of its bounded entries (a short-sequence one, a mid-sequence one) that the
   * image for this GPU builds, in the order the host prefers them.
   */
  public List<String> entries(Method method, int headDim) {
    String main = KernelEntries.attention(method, headDim);
    List<String> entries = new ArrayList<>(List.of(main));
    for (String e : KernelEntries.boundedEntries(main)) {
      if (library.has(e) && launchShape(e, method, headDim).built()) {
        entries.add(e);
      }
    }
    return List.copyOf(entries);
  }

  /**
   * The entry that runs {@code method} on {@code shape}: a bounded entry up to the N it exports for
   * the shape's masking, else the kernel (attn_forward.cuh, "Short sequences"). All compute the
   * same bits.
   */
  public String entryFor(Method method, Shape shape) {
    int d = shape.headDim();
    return entryFor(
        KernelEntries.attention(method, d),
        entries(method, d),
        e -> launchShape(e, method, d),
        shape.seqLen(),
        shape.causal());
  }

  /**
   * Of a kernel's entries ({@code main} first, then the bounded ones in the order they are
   * preferred), the one for {@code seqLen} queries with or without the causal mask: the first
   * bounded entry that serves it, else {@code main}.
   */
  static String entryFor(
      String main,
      List<String> entries,
      Function<String, LaunchShape> shapes,
      int seqLen,
      boolean causal) {
    for (String entry : entries) {
      LaunchShape ls = shapes.apply(entry);
      if (!ls.servesEveryLength() && ls.serves(seqLen, causal)) {
        return entry;
      }
    }
    return main;
  }

  /**
   * The launch shape of {@code method}'s kernel at {@code headDim}, checked against the Java Bc.
   */
  public LaunchShape launchShape(Method method, int headDim) {
    return launchShape(KernelEntries.attention(method, headDim), method, headDim);
  }

  /**
   * The launch shape of {@code entry}, one of {@code method}'s at {@code headDim}, checked against
   * the Java Bc and denominator weight.
   */
  public LaunchShape launchShape(String entry, Method method, int headDim) {
    LaunchShape ls = launchShapes.get(entry);
    if (ls == null) {
      ls = library.moduleWith(entry).launchShape(entry);
      checkContract(entry, ls, method, headDim);
      if (PAD_KEYS % ls.keyBlock() != 0) {
        throw new CudaException(
            entry
                + " uses Bc = "
                + ls.keyBlock()
                + " keys per block, which does not divide V8t's padding of "
                + PAD_KEYS
                + " keys (kPadKeys): its last block would read past V8t and s_k");
      }
      if (ls.dynamicSmemBytes() > gpu.maxSmemPerBlockOptin()) {
        throw new CudaException(
            entry
                + " needs "
                + ls.dynamicSmemBytes()
                + " bytes of shared memory; "
                + gpu.name()
                + " allows "
                + gpu.maxSmemPerBlockOptin());
      }
      launchShapes.put(entry, ls);
    }
    return ls;
  }

  /**
   * Throws unless {@code ls}, the launch constants of {@code entry} (one of {@code method}'s at
   * {@code headDim}), rounds as the emulation does: the same Bc and the same denominator weight.
   */
  static void checkContract(String entry, LaunchShape ls, Method method, int headDim) {
    int javaBc = KernelTraits.keyBlock(method, headDim, ls.path());
    if (ls.keyBlock() != javaBc) {
      throw new CudaException(
          entry
              + " uses Bc = "
              + ls.keyBlock()
              + " keys per block on "
              + ls.path().id()
              + " but KernelTraits.keyBlock says "
              + javaBc
              + ": kernel and emulation would round differently; fix one of them");
    }
    boolean javaPTilde = Recipe.of(method, headDim).weight() == DenominatorWeight.P_TILDE;
    if (ls.denominatorCountsPTilde() != javaPTilde) {
      throw new CudaException(
          entry
              + "'s denominator counts "
              + (ls.denominatorCountsPTilde() ? "P̃" : "p")
              + " but Recipe.of("
              + method.id()
              + ", "
              + headDim
              + ") says "
              + (javaPTilde ? "P̃" : "p")
              + ": kernel and emulation would round differently; fix one of them");
    }
  }

  /** Poisons O and enqueues {@code method}'s attention kernel on {@code stream}. */
  public void launch(Method method, String entry, DeviceOperands ops, CUstream stream) {
    ops.output().fill16(DeviceBuffer.FP16_NAN_BITS, stream);
    launchOnly(method, entry, ops, stream);
  }

  /**
   * Enqueues the attention kernel's {@code entry} alone (no poisoning): what the benchmark times,
   * with the entry for the operands' N ({@link #entryFor}) chosen before the timed region.
   */
  void launchOnly(Method method, String entry, DeviceOperands ops, CUstream stream) {
    Shape s = ops.shape();
    LaunchShape ls = launchShape(entry, method, s.headDim());
    Kernel k = library.kernel(entry);
    int[] grid = ls.grid(s.seqLen(), s.slices(), gpu().smCount());
    int causal = s.causal() ? 1 : 0;
    // The entries' parameter lists (docs/ARITHMETIC.md, "Kernel interface"); B, H, N, causal and
    // the row factor r follow the operands in every family.
    Object[] args =
        switch (ops.family) {
          case FP16, FP8, FP8_V8T ->
              new Object[] {
                ops.q,
                ops.k,
                usesV8t(ops.family) ? ops.v8t : ops.v,
                ops.o,
                s.batch(),
                s.heads(),
                s.seqLen(),
                causal,
                ops.r,
                ops.fs
              };
          case INT8_HALF ->
              new Object[] {
                ops.q,
                ops.qScales,
                ops.k,
                ops.kScales,
                ops.v,
                ops.o,
                s.batch(),
                s.heads(),
                s.seqLen(),
                causal,
                ops.r
              };
          case INT8 ->
              new Object[] {
                ops.q,
                ops.qScales,
                ops.k,
                ops.kScales,
                ops.v8t,
                ops.finalScales,
                ops.o,
                s.batch(),
                s.heads(),
                s.seqLen(),
                causal,
                ops.r
              };
        };
    Object[] withMaps = java.util.Arrays.copyOf(args, args.length + 1);
    withMaps[args.length] = tensorMaps(entry, ops);
    k.launch(grid[0], grid[1], 1, ls.threads(), ls.dynamicSmemBytes(), stream, withMaps);
  }

  /** Bytes of the {@code attn::TensorMaps} struct the entries take: two 128-byte tensor maps. */
  static final int TENSOR_MAPS_BYTES = 2 * 128;

  /**
   * The TMA tensor maps {@code entry} takes as its last parameter, for the K and V buffers of
   * {@code ops}: made on the device by {@code <entry>_maps} (JCuda has no {@code
   * cuTensorMapEncodeTiled}; attn_common.cuh, "TMA") the first time, which waits for the device,
   * then reused. {@link DeviceProblem} makes them before anything is timed.
   */
  byte[] tensorMaps(String entry, DeviceOperands ops) {
    byte[] maps = ops.tensorMaps.get(entry);
    if (maps != null) {
      return maps;
    }
    Shape s = ops.shape();
    try (DeviceBuffer out = DeviceBuffer.allocate(TENSOR_MAPS_BYTES, "tensor maps")) {
      library
          .kernel(KernelEntries.tensorMaps(entry))
          .launch(
              1,
              1,
              1,
              32,
              0,
              null,
              ops.k,
              usesV8t(ops.family) ? ops.v8t : ops.v,
              s.slices(),
              s.seqLen(),
              out);
      context.synchronize();
      maps = new byte[TENSOR_MAPS_BYTES];
      out.download(0, maps, 0, maps.length);
    }
    ops.tensorMaps.put(entry, maps);
    return maps;
  }

  /** The FP16 rows of {@code rows} from O [B,H,N,D], widened to float, layout [slice, row, D]. */
  public static float[] downloadRows(DeviceBuffer o, Shape shape, RowSample rows) {
    int d = shape.headDim();
    if (rows.isFull()) {
      return o.downloadFp16();
    }
    float[] out = new float[Math.toIntExact(rows.totalRows() * d)];
    short[] row = new short[d];
    for (int s = 0; s < shape.slices(); s++) {
      int base = rows.outputOffset(s, d);
      int[] r = rows.rows()[s];
      for (int j = 0; j < r.length; j++) {
        o.download(2L * shape.rowOffset(s, r[j]), row, 0, d);
        for (int c = 0; c < d; c++) {
          out[base + j * d + c] = Fp16.fromBits(row[c]);
        }
      }
    }
    return out;
  }

  /** FP16 random fill of device tensors (lazily bound to {@code kernels/fill.cu}). */
  public DeviceFill fill() {
    if (fill == null) {
      fill = new DeviceFill(library, gpu);
    }
    return fill;
  }

  /**
   * A timing problem: FP16 Q, K, V drawn on the device as {@code inputs} say, and the method's
   * operands prepared from them for attention with {@code softmaxScale} (see {@link
   * DeviceProblem}).
   */
  public DeviceProblem deviceProblem(
      Method method, Shape shape, LatencyInputs inputs, double softmaxScale) {
    context.makeCurrent();
    return DeviceProblem.create(this, method, shape, inputs, softmaxScale);
  }

  @Override
  public void close() {
    try (context) {
      library.close();
    }
  }
}
