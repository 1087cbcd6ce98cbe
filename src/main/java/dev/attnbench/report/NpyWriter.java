package dev.attnbench.report;

import dev.attnbench.numeric.Fp16;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes NumPy {@code .npy} files, format version 1.0, so tensors can be loaded with {@code
 * numpy.load} and checked outside this tool.
 *
 * <p>The layout (numpy.lib.format): the magic {@code \x93NUMPY}, version bytes 1 and 0, a
 * little-endian uint16 header length, then an ASCII Python dict literal {@code {'descr': '<f4',
 * 'fortran_order': False, 'shape': (2, 3), }} padded with spaces and ended by {@code \n} so that
 * the data starts at a multiple of 64 bytes (NumPy requires 16; 64 lets a memory map align for
 * SIMD), then the raw elements in C order. Every multi-byte type is written little-endian, whatever
 * the host, and says so in its descr.
 */
public final class NpyWriter {
  private NpyWriter() {}

  /** The magic string every .npy file starts with. */
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  /** The data offset is a multiple of this. */
  static final int ALIGNMENT = 64;

  /** Magic, 2 version bytes, the 2-byte header length. */
  private static final int PREAMBLE = MAGIC.length + 4;

  /** Version 1.0 stores the header length in 16 bits. */
  private static final int MAX_HEADER_LEN = 0xFFFF;

  /** Elements per write: large enough to amortize the call, small enough to stay in cache. */
  private static final int CHUNK_BYTES = 1 << 16;

  /** The element types written, with their NumPy type strings. */
  public enum Dtype {
    /** FP16 bits, from floats that hold FP16 values. */
    F2("<f2", 2),
    F4("<f4", 4),
    F8("<f8", 8),
    /** Signed bytes; a one-byte type has no byte order, hence {@code |}. */
    I1("|i1", 1),
    I4("<i4", 4);

    private final String descr;
    private final int bytes;

    Dtype(String descr, int bytes) {
      this.descr = descr;
      this.bytes = bytes;
    }

    /** The {@code descr} NumPy reads, e.g. {@code <f4}. */
    public String descr() {
      return descr;
    }

    /** Bytes per element. */
    public int bytes() {
      return bytes;
    }
  }

  /** Writes {@code data} as {@code <f4} with {@code shape} into {@code folder}, atomically. */
  public static void writeF4(ResultFolder folder, String name, float[] data, long... shape) {
    folder.writeBytes(name, out -> writeF4(out, data, shape));
  }

  /** Writes {@code data} as {@code <f8} with {@code shape} into {@code folder}, atomically. */
  public static void writeF8(ResultFolder folder, String name, double[] data, long... shape) {
    folder.writeBytes(name, out -> writeF8(out, data, shape));
  }

  /**
   * Writes {@code data}, FP16 values held as float, as {@code <f2} into {@code folder}, atomically.
   * A value that is not FP16-representable is rounded to nearest even, as {@link Fp16#toBits} does.
   */
  public static void writeF2(ResultFolder folder, String name, float[] data, long... shape) {
    folder.writeBytes(name, out -> writeF2(out, data, shape));
  }

  /** Writes {@code data} as {@code |i1} with {@code shape} into {@code folder}, atomically. */
  public static void writeI1(ResultFolder folder, String name, byte[] data, long... shape) {
    folder.writeBytes(name, out -> writeI1(out, data, shape));
  }

  /** Writes {@code data} as {@code <i4} with {@code shape} into {@code folder}, atomically. */
  public static void writeI4(ResultFolder folder, String name, int[] data, long... shape) {
    folder.writeBytes(name, out -> writeI4(out, data, shape));
  }

  /** Writes a whole {@code <f4} .npy file to {@code out}. */
  public static void writeF4(OutputStream out, float[] data, long... shape) throws IOException {
    start(out, Dtype.F4, data.length, shape);
    Chunks c = new Chunks(out, Dtype.F4);
    for (float x : data) {
      c.room().putFloat(x);
    }
    c.flush();
  }

  /** Writes a whole {@code <f8} .npy file to {@code out}. */
  public static void writeF8(OutputStream out, double[] data, long... shape) throws IOException {
    start(out, Dtype.F8, data.length, shape);
    Chunks c = new Chunks(out, Dtype.F8);
    for (double x : data) {
      c.room().putDouble(x);
    }
    c.flush();
  }

  /** Writes a whole {@code <f2} .npy file to {@code out}, from FP16 values held as float. */
  public static void writeF2(OutputStream out, float[] data, long... shape) throws IOException {
    start(out, Dtype.F2, data.length, shape);
    Chunks c = new Chunks(out, Dtype.F2);
    for (float x : data) {
      c.room().putShort(Fp16.toBits(x));
    }
    c.flush();
  }

  /** Writes a whole {@code |i1} .npy file to {@code out}. */
  public static void writeI1(OutputStream out, byte[] data, long... shape) throws IOException {
    start(out, Dtype.I1, data.length, shape);
    out.write(data);
  }

  /** Writes a whole {@code <i4} .npy file to {@code out}. */
  public static void writeI4(OutputStream out, int[] data, long... shape) throws IOException {
    start(out, Dtype.I4, data.length, shape);
    Chunks c = new Chunks(out, Dtype.I4);
    for (int x : data) {
      c.room().putInt(x);
    }
    c.flush();
  }

  /**
   * The complete header of a C-order array: preamble, dict, padding and newline. Its length is a
   * multiple of {@link #ALIGNMENT}.
   */
  public static byte[] header(Dtype dtype, long... shape) {
    for (long dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
    }
    String dict =
        "{'descr': '"
            + dtype.descr()
            + "', 'fortran_order': False, 'shape': "
            + shapeTuple(shape)
            + ", }";
    // The dict, at least one space of padding (NumPy's own writer always pads), and '\n'.
    int unpadded = PREAMBLE + dict.length() + 1;
    int total = (unpadded + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    int headerLen = total - PREAMBLE;
    if (headerLen > MAX_HEADER_LEN) {
      throw new IllegalArgumentException("shape too long for a version 1.0 header");
    }
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLen);
    b.put(dict.getBytes(StandardCharsets.US_ASCII));
    while (b.position() < total - 1) {
      b.put((byte) ' ');
    }
    b.put((byte) '\n');
    return b.array();
  }

  /** A Python tuple literal: {@code ()}, {@code (5,)}, {@code (2, 3)}. */
  static String shapeTuple(long... shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    return Arrays.stream(shape)
        .mapToObj(Long::toString)
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static void start(OutputStream out, Dtype dtype, long length, long[] shape)
      throws IOException {
    long elements = 1;
    for (long dim : shape) {
      elements = Math.multiplyExact(elements, dim);
    }
    if (elements != length) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " holds "
              + elements
              + " elements but the data has "
              + length);
    }
    out.write(header(dtype, shape));
  }

  /** A little-endian staging buffer, written out whenever it cannot take one more element. */
  private static final class Chunks {
    private final OutputStream out;
    private final int elementBytes;
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    Chunks(OutputStream out, Dtype dtype) {
      this.out = out;
      this.elementBytes = dtype.bytes();
    }

    /** The buffer, with room for one more element. */
    ByteBuffer room() throws IOException {
      if (buf.remaining() < elementBytes) {
        flush();
      }
      return buf;
    }

    void flush() throws IOException {
      out.write(buf.array(), 0, buf.position());
      buf.clear();
    }
  }
}
