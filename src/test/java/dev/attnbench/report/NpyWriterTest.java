package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attnbench.input.AttentionInputs;
import dev.attnbench.input.Distribution;
import dev.attnbench.input.InputGenerator;
import dev.attnbench.input.RowSample;
import dev.attnbench.input.Shape;
import dev.attnbench.method.Emulations;
import dev.attnbench.method.Method;
import dev.attnbench.method.MmaPath;
import dev.attnbench.metrics.ErrorStats;
import dev.attnbench.numeric.Fp16;
import dev.attnbench.reference.Fp64Attention;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** .npy files are what NumPy's format documents, and what numpy.load reads back. */
class NpyWriterTest {

  @TempDir Path tmp;

  /** A fresh seed per run; it is in every failure message so a failure can be replayed. */
  private static final long SEED = System.nanoTime();

  private final SplittableRandom random = new SplittableRandom(SEED);

  /** The header fields of a .npy file, read back from its bytes. */
  record Header(
      int major, int minor, int dataOffset, String descr, boolean fortran, long[] shape) {}

  private static final Pattern DICT =
      Pattern.compile(
          "\\{'descr': '([^']+)', 'fortran_order': (True|False), 'shape': \\(([^)]*)\\), \\} *\\n");

  static Header parseHeader(byte[] file) {
    assertArrayEquals(NpyWriter.MAGIC, Arrays.copyOf(file, 6), "magic");
    int headerLen = (file[8] & 0xFF) | (file[9] & 0xFF) << 8;
    int dataOffset = 10 + headerLen;
    String dict = new String(file, 10, headerLen, StandardCharsets.US_ASCII);
    Matcher m = DICT.matcher(dict);
    assertTrue(m.matches(), "header dict: " + dict);
    long[] shape =
        Arrays.stream(m.group(3).split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .mapToLong(Long::parseLong)
            .toArray();
    return new Header(file[6], file[7], dataOffset, m.group(1), m.group(2).equals("True"), shape);
  }

  private static ByteBuffer data(byte[] file, Header h) {
    return ByteBuffer.wrap(file, h.dataOffset(), file.length - h.dataOffset())
        .slice()
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void assertWellFormed(
      Header h, String descr, long[] shape, byte[] file, int size) {
    assertEquals(1, h.major(), "major version");
    assertEquals(0, h.minor(), "minor version");
    assertEquals(0, h.dataOffset() % 64, "data starts at a multiple of 64");
    assertEquals(descr, h.descr());
    assertEquals(false, h.fortran());
    assertArrayEquals(shape, h.shape());
    long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    assertEquals(h.dataOffset() + elements * size, file.length, "file length");
  }

  private float[] randomFp16(int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = Fp16.round((float) (random.nextGaussian() * 100));
    }
    return x;
  }

  @Test
  void float32ArrayRoundTripsThroughTheBytes() throws IOException {
    float[] x = new float[3 * 5 * 7];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.writeF4(out, x, 3, 5, 7);
    byte[] file = out.toByteArray();
    Header h = parseHeader(file);
    assertWellFormed(h, "<f4", new long[] {3, 5, 7}, file, 4);
    float[] back = new float[x.length];
    data(file, h).asFloatBuffer().get(back);
    assertArrayEquals(x, back, "seed " + SEED);
  }

  @Test
  void float64ArrayRoundTripsThroughTheBytes() throws IOException {
    double[] x = random.doubles(2 * 9).toArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.writeF8(out, x, 2, 9);
    byte[] file = out.toByteArray();
    Header h = parseHeader(file);
    assertWellFormed(h, "<f8", new long[] {2, 9}, file, 8);
    double[] back = new double[x.length];
    data(file, h).asDoubleBuffer().get(back);
    assertArrayEquals(x, back, "seed " + SEED);
  }

  @Test
  void fp16ValuesAreWrittenAsTheirBinary16Bits() throws IOException {
    // More than one 64 KiB staging chunk, so the chunk boundary is crossed.
    float[] x = randomFp16(40_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.writeF2(out, x, 4, 10_000);
    byte[] file = out.toByteArray();
    Header h = parseHeader(file);
    assertWellFormed(h, "<f2", new long[] {4, 10_000}, file, 2);
    ByteBuffer d = data(file, h);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], Fp16.fromBits(d.getShort(2 * i)), "element " + i + ", seed " + SEED);
    }
  }

  @Test
  void int8AndInt32ArraysRoundTripThroughTheBytes() throws IOException {
    byte[] b = new byte[17];
    random.nextBytes(b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NpyWriter.writeI1(out, b, 17);
    byte[] file = out.toByteArray();
    Header h = parseHeader(file);
    assertWellFormed(h, "|i1", new long[] {17}, file, 1);
    assertArrayEquals(b, Arrays.copyOfRange(file, h.dataOffset(), file.length));

    int[] x = random.ints(6 * 4).toArray();
    out.reset();
    NpyWriter.writeI4(out, x, 6, 4);
    file = out.toByteArray();
    h = parseHeader(file);
    assertWellFormed(h, "<i4", new long[] {6, 4}, file, 4);
    int[] back = new int[x.length];
    data(file, h).asIntBuffer().get(back);
    assertArrayEquals(x, back, "seed " + SEED);
  }

  @Test
  void shapeTuplesArePythonLiterals() {
    assertEquals("()", NpyWriter.shapeTuple());
    assertEquals("(5,)", NpyWriter.shapeTuple(5));
    assertEquals("(2, 3, 4)", NpyWriter.shapeTuple(2, 3, 4));
  }

  @Test
  void aShapeThatDoesNotMatchTheDataIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> NpyWriter.writeF4(new ByteArrayOutputStream(), new float[6], 4, 2));
    assertTrue(e.getMessage().contains("8 elements but the data has 6"), e.getMessage());
  }

  @Test
  void writingIntoAResultFolderLeavesNoTemporaryFile() throws IOException {
    ResultFolder folder = ResultFolder.open(tmp.resolve("run"), false);
    NpyWriter.writeF4(folder, "sub/x.npy", new float[] {1, 2, 3}, 3);
    try (var files = Files.walk(folder.dir())) {
      List<String> names =
          files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
      assertEquals(List.of("x.npy"), names);
    }
  }

  /** Every dtype, written to files, loaded by numpy.load: dtype, shape and values agree. */
  @Test
  void numpyLoadsEveryDtypeWithItsShapeAndValues() throws Exception {
    assumeNumpy();
    ResultFolder folder = ResultFolder.open(tmp.resolve("npy"), false);
    Map<String, double[]> expected = new TreeMap<>();
    Map<String, String> shapes = new TreeMap<>();

    float[] f2 = randomFp16(2 * 3 * 5);
    NpyWriter.writeF2(folder, "f2.npy", f2, 2, 3, 5);
    expected.put("f2", toDoubles(f2));
    shapes.put("f2", "float16 (2, 3, 5)");

    float[] f4 = new float[7];
    for (int i = 0; i < f4.length; i++) {
      f4[i] = (float) random.nextGaussian();
    }
    NpyWriter.writeF4(folder, "f4.npy", f4, 7);
    expected.put("f4", toDoubles(f4));
    shapes.put("f4", "float32 (7,)");

    double[] f8 = random.doubles(4 * 4, -1e6, 1e6).toArray();
    NpyWriter.writeF8(folder, "f8.npy", f8, 4, 4);
    expected.put("f8", f8);
    shapes.put("f8", "float64 (4, 4)");

    byte[] i1 = new byte[12];
    random.nextBytes(i1);
    NpyWriter.writeI1(folder, "i1.npy", i1, 3, 4);
    double[] i1d = new double[i1.length];
    for (int i = 0; i < i1.length; i++) {
      i1d[i] = i1[i];
    }
    expected.put("i1", i1d);
    shapes.put("i1", "int8 (3, 4)");

    int[] i4 = random.ints(10).toArray();
    NpyWriter.writeI4(folder, "i4.npy", i4, 2, 5);
    expected.put("i4", Arrays.stream(i4).asDoubleStream().toArray());
    shapes.put("i4", "int32 (2, 5)");

    // NumPy prints, per file, its dtype, shape and the SHA-256 of its values as little-endian
    // float64: equal hashes mean every value was read as written.
    String script =
        """
        import hashlib, numpy as np
        for name in %s:
            a = np.load(name + '.npy')
            h = hashlib.sha256(a.astype('<f8').tobytes()).hexdigest()
            print(name, a.dtype.name, a.shape, h)
        """
            .formatted(
                expected.keySet().stream()
                    .map(n -> "'" + n + "'")
                    .collect(Collectors.joining(", ", "[", "]")));
    List<String> lines = python(folder.dir(), script);
    List<String> want = new ArrayList<>();
    for (String name : expected.keySet()) {
      want.add(name + " " + shapes.get(name) + " " + sha256(expected.get(name)));
    }
    assertEquals(want, lines, "seed " + SEED);
  }

  /** The dump of one accuracy point and the NumPy recipe in its README. */
  @Nested
  class TensorDumpFiles {

    @Test
    void everyFileHasTheDocumentedDtypeAndShape() throws IOException {
      Shape shape = new Shape(1, 2, 80, 16, false);
      RowSample rows = RowSample.sample(shape, 8, SEED);
      TensorDump dump =
          new TensorDump(shape, Distribution.parse("normal"), SEED, 0.25, rows, MmaPath.WGMMA);
      ResultFolder folder = ResultFolder.open(tmp.resolve("dump"), false);
      List<String> written = dump.writeTo(folder, "point", List.of(Method.FP16, Method.INT8));
      assertEquals(
          List.of(
              "point/q.npy",
              "point/k.npy",
              "point/v.npy",
              "point/rows.npy",
              "point/reference.npy",
              "point/fp16.npy",
              "point/int8.npy",
              "point/README.txt"),
          written);
      Map<String, String> descr =
          Map.of("q", "<f2", "rows", "<i4", "reference", "<f8", "fp16", "<f2", "int8", "<f2");
      Map<String, long[]> dims =
          Map.of(
              "q", new long[] {1, 2, 80, 16},
              "rows", new long[] {2, 8},
              "reference", new long[] {1, 2, 8, 16},
              "fp16", new long[] {1, 2, 8, 16},
              "int8", new long[] {1, 2, 8, 16});
      for (String name : descr.keySet()) {
        byte[] file = Files.readAllBytes(folder.resolve("point/" + name + ".npy"));
        Header h = parseHeader(file);
        assertEquals(descr.get(name), h.descr(), name);
        assertArrayEquals(dims.get(name), h.shape(), name);
      }
      byte[] rowFile = Files.readAllBytes(folder.resolve("point/rows.npy"));
      ByteBuffer d = data(rowFile, parseHeader(rowFile));
      for (int s = 0; s < 2; s++) {
        for (int j = 0; j < 8; j++) {
          assertEquals(rows.rows()[s][j], d.getInt(4 * (s * 8 + j)));
        }
      }
    }

    /** The README's script recomputes the reference and gets the MRE ErrorStats reports. */
    @ParameterizedTest(name = "causal={0}")
    @ValueSource(booleans = {false, true})
    void readmeRecipeRecomputesTheReportedError(boolean causal) throws Exception {
      assumeNumpy();
      Shape shape = new Shape(2, 1, 96, 32, causal);
      RowSample rows = RowSample.sample(shape, 12, SEED);
      double scale = 0.3;
      Distribution dist = Distribution.parse("uniform");
      ResultFolder folder = ResultFolder.open(tmp.resolve("dump-" + causal), false);
      new TensorDump(shape, dist, SEED, scale, rows, MmaPath.WGMMA)
          .writeTo(folder, "", List.of(Method.INT8));

      String readme = Files.readString(folder.resolve("README.txt"));
      String script =
          readme
              .lines()
              .dropWhile(l -> !l.startsWith("Recompute"))
              .dropWhile(l -> !l.startsWith("    "))
              .takeWhile(l -> l.startsWith("    "))
              .map(l -> l.substring(4))
              .collect(Collectors.joining("\n"));
      List<String> out = python(folder.dir(), script);
      String[] f = out.get(out.size() - 1).split(" ");

      AttentionInputs in = InputGenerator.generate(shape, dist, scale, SEED);
      ErrorStats want =
          ErrorStats.compare(
              Emulations.of(Method.INT8).forward(in, rows), Fp64Attention.forward(in, rows));
      assertEquals("mre", f[0]);
      assertEquals(want.mre(), Double.parseDouble(f[1]), 1e-12 * want.mre(), "seed " + SEED);
      assertEquals(want.mreLast4(), Double.parseDouble(f[3]), 1e-12 * want.mreLast4());
      assertEquals(want.relL2(), Double.parseDouble(f[5]), 1e-12 * want.relL2());
    }
  }

  private static double[] toDoubles(float[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return d;
  }

  private static String sha256(double[] values) throws NoSuchAlgorithmException {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putDouble(v);
    }
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
  }

  /** Whether python3 with NumPy is installed, probed once. */
  private static final boolean NUMPY = probeNumpy();

  private static boolean probeNumpy() {
    try {
      Process p =
          new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Skips (reported as skipped, with the reason) when python3 with NumPy is not installed. */
  private static void assumeNumpy() {
    assumeTrue(NUMPY, "python3 with numpy is not available: the numpy.load check is skipped");
  }

  /** Runs {@code script} with python3 in {@code dir}; fails on a non-zero exit. */
  private static List<String> python(Path dir, String script) throws Exception {
    Process p =
        new ProcessBuilder("python3", "-c", script)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 timed out");
    assertEquals(0, p.exitValue(), "python3 failed:\n" + out + "\nscript:\n" + script);
    return out.lines().toList();
  }
}
