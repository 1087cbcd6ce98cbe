package dev.attnbench.report;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Emulations;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;
import dev.attnbench.reference.Fp64Attention;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tensors of one accuracy point as NumPy files, so that anyone can recompute an error figure
 * without this tool: the FP16 inputs, the evaluated rows, the FP64 reference of those rows and each
 * method's emulated output. {@code README.txt} beside them says what each file is and how to get
 * the MRE back in NumPy.
 *
 * @param shape the problem shape
 * @param distribution how Q, K, V are drawn
 * @param seed the input seed
 * @param softmaxScale the softmax scale
 * @param rows the query rows evaluated; every slice must have the same number of rows
 * @param path the instruction path whose contract the emulated outputs follow (the run's)
 */
public record TensorDump(
    Shape shape,
    Distribution distribution,
    long seed,
    double softmaxScale,
    RowSample rows,
    MmaPath path) {

  public TensorDump {
    if (rows.seqLen() != shape.seqLen() || rows.rows().length != shape.slices()) {
      throw new IllegalArgumentException("row sample does not match shape " + shape);
    }
    for (int[] r : rows.rows()) {
      if (r.length != rows.rows()[0].length) {
        throw new IllegalArgumentException("every slice must have the same number of rows");
      }
    }
  }

  /** The file holding {@code method}'s output. */
  public static String fileOf(Method method) {
    return method.id() + ".npy";
  }

  /**
   * Generates the inputs, computes the reference and every method's emulation, and writes them
   * under {@code subdir} of {@code folder} ({@code ""} for the folder itself), each file
   * atomically.
   *
   * @return the names written, relative to {@code folder}
   */
  public List<String> writeTo(ResultFolder folder, String subdir, List<Method> methods) {
    String prefix = subdir.isEmpty() || subdir.endsWith("/") ? subdir : subdir + "/";
    AttentionInputs in = InputGenerator.generate(shape, distribution, softmaxScale, seed);
    long b = shape.batch();
    long h = shape.heads();
    long n = shape.seqLen();
    long d = shape.headDim();
    long r = rows.rowsPerSlice(0);
    List<String> written = new ArrayList<>();

    NpyWriter.writeF2(folder, prefix + "q.npy", in.q(), b, h, n, d);
    NpyWriter.writeF2(folder, prefix + "k.npy", in.k(), b, h, n, d);
    NpyWriter.writeF2(folder, prefix + "v.npy", in.v(), b, h, n, d);
    written.addAll(List.of(prefix + "q.npy", prefix + "k.npy", prefix + "v.npy"));

    NpyWriter.writeI4(folder, prefix + "rows.npy", flatRows(), b * h, r);
    written.add(prefix + "rows.npy");

    NpyWriter.writeF8(
        folder, prefix + "reference.npy", Fp64Attention.forward(in, rows), b, h, r, d);
    written.add(prefix + "reference.npy");

    for (Method m : methods) {
      float[] out = Emulations.of(m, path).forward(in, rows);
      NpyWriter.writeF2(folder, prefix + fileOf(m), out, b, h, r, d);
      written.add(prefix + fileOf(m));
    }

    folder.writeString(prefix + "README.txt", readme(methods));
    written.add(prefix + "README.txt");
    return written;
  }

  /** The row indices of every slice, slice after slice. */
  private int[] flatRows() {
    int per = rows.rowsPerSlice(0);
    int[] flat = new int[rows.rows().length * per];
    for (int s = 0; s < rows.rows().length; s++) {
      System.arraycopy(rows.rows()[s], 0, flat, s * per, per);
    }
    return flat;
  }

  String readme(List<Method> methods) {
    StringBuilder sb = new StringBuilder();
    sb.append("Tensors of one attn-bench accuracy point\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "shape: B=%d H=%d N=%d D=%d causal=%s%ndistribution: %s%nseed: %d%n"
                + "softmax scale: %s%nrows per (batch, head): %d of %d%n%n",
            shape.batch(),
            shape.heads(),
            shape.seqLen(),
            shape.headDim(),
            shape.causal(),
            distribution.id(),
            seed,
            Double.toString(softmaxScale),
            rows.rowsPerSlice(0),
            shape.seqLen()));
    sb.append("files (all C order; load with numpy.load):\n");
    sb.append("  q.npy, k.npy, v.npy  [B,H,N,D] float16: the inputs every method sees\n");
    sb.append(
        "  rows.npy             [B*H,R] int32: the query rows evaluated in each (batch, head),\n"
            + "                       ascending; the last row N-1 is always among them\n");
    sb.append(
        "  reference.npy        [B,H,R,D] float64: softmax(Q K^T * scale) V in FP64 from the\n"
            + "                       float16 inputs, for the rows of rows.npy\n");
    for (Method m : methods) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-20s [B,H,R,D] float16: %s (CPU emulation of its kernel on %s)%n",
              fileOf(m),
              m.description(),
              path.id()));
    }
    sb.append(
        "\nRecompute the reference and the error of one method in NumPy (run in this folder;\n");
    sb.append(
        "it holds B*H*R*N float64 scores at once, so for long sequences loop over slices):\n\n");
    String script =
        """
        import numpy as np
        SCALE, CAUSAL, METHOD = %s, %s, '%s'
        q, k, v = (np.load(f).astype(np.float64) for f in ('q.npy', 'k.npy', 'v.npy'))
        rows = np.load('rows.npy')
        B, H, N, D = q.shape
        qs = q.reshape(B * H, N, D)[np.arange(B * H)[:, None], rows]
        s = qs @ k.reshape(B * H, N, D).transpose(0, 2, 1) * SCALE
        if CAUSAL:
            s[np.broadcast_to(np.arange(N)[None, None, :] > rows[:, :, None], s.shape)] = -np.inf
        p = np.exp(s - s.max(axis=-1, keepdims=True))
        ref = ((p / p.sum(axis=-1, keepdims=True)) @ v.reshape(B * H, N, D)).reshape(B, H, -1, D)
        r = np.load('reference.npy')
        assert np.allclose(ref, r, rtol=1e-9, atol=1e-12)
        o = np.load(METHOD + '.npy').astype(np.float64)
        rel = np.abs(o - r) / (np.abs(r) + 1e-5)
        print('mre', rel.mean(), 'mre_last4', rel.ravel()[-4:].mean(),
              'rel_l2', np.linalg.norm(o - r) / np.linalg.norm(r))
        """;
    String first = methods.isEmpty() ? "fp16" : methods.get(0).id();
    script =
        String.format(
            Locale.ROOT,
            script,
            Double.toString(softmaxScale),
            shape.causal() ? "True" : "False",
            first);
    script.lines().forEach(line -> sb.append("    ").append(line).append('\n'));
    sb.append(
        "\nThese are the mre, mre_last4 and rel_l2 attn-bench reports for these rows (ErrorStats);\n"
            + "set METHOD to another method id above for the other methods.\n");
    return sb.toString();
  }
}
