package dev.attnbench.bench;

import dev.attnbench.backend.cuda.Kernel;
import dev.attnbench.backend.cuda.KernelLibrary;
import dev.attnbench.backend.cuda.MappedHostInts;
import jcuda.driver.CUstream;

/**
 * Holds a stream while the host enqueues one timed sample (nvbench's blocking kernel): {@link
 * #hold} launches {@code stream_block} (kernels/fill.cu), which spins on a flag in mapped host
 * memory; the start event, the timed launches and the stop event queue behind it; {@link #release}
 * sets the flag. The GPU then runs them back to back, so the events time the GPU work alone, never
 * a gap in which the host was still launching. At N=1k a kernel takes 0.1 ms, the same order as a
 * host's launch overhead and the L2 flush that would otherwise have to cover it.
 */
final class StreamBlocker implements SampleHold {
  /** Long enough for any host hiccup short of a hang; the kernel gives up after it. */
  static final long TIMEOUT_NS = 1_000_000_000L;

  private static final int RELEASE = 0;
  private static final int TIMED_OUT = 1;

  private final Kernel kernel;
  private final MappedHostInts flags = new MappedHostInts(2, "stream_block flags");

  StreamBlocker(KernelLibrary library) {
    this.kernel = library.kernel("stream_block");
  }

  @Override
  public void hold(CUstream stream) {
    flags.set(RELEASE, 0);
    flags.set(TIMED_OUT, 0);
    kernel.launch(
        1, 1, 1, 1, 0, stream, flags.device(RELEASE), flags.device(TIMED_OUT), TIMEOUT_NS);
  }

  @Override
  public void release() {
    flags.set(RELEASE, 1);
  }

  @Override
  public boolean timedOut() {
    return flags.get(TIMED_OUT) != 0;
  }

  @Override
  public void close() {
    flags.close();
  }
}
