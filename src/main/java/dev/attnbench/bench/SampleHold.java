package dev.attnbench.bench;

import jcuda.driver.CUstream;

/**
 * What holds a stream while the host enqueues one timed sample: the blocking kernel ({@link
 * StreamBlocker}), or, with {@code --no-block}, nothing ({@link #NONE}).
 */
interface SampleHold extends AutoCloseable {
  /** Holds nothing: the GPU may start a sample before the host has enqueued all of it. */
  SampleHold NONE =
      new SampleHold() {
        @Override
        public void hold(CUstream stream) {}

        @Override
        public void release() {}

        @Override
        public boolean timedOut() {
          return false;
        }

        @Override
        public void close() {}
      };

  /** Enqueues the hold; the stream must be idle (the previous sample synchronized). */
  void hold(CUstream stream);

  /** Lets the stream run what was enqueued behind the hold. */
  void release();

  /**
   * Whether the hold gave up before the release, so the sample may hold host time; read after the
   * stream has synchronized.
   */
  boolean timedOut();

  @Override
  void close();
}
