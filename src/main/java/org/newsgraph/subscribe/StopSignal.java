package org.newsgraph.subscribe;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop, from another thread (the shutdown hook of Ctrl-C or SIGTERM), and the {@link
 * Sleeper} that it cuts short. The stopped work is never interrupted: it checks {@link #stopped()}
 * between steps (after a snapshot is written, after an ingest commits), so that nothing is left
 * half done. Thread interrupts are not used, since interrupting a thread in a file channel's I/O
 * closes the channel under the store.
 */
public final class StopSignal implements Sleeper {

  private final CountDownLatch stop = new CountDownLatch(1);

  /** Asks the work to stop at its next step; wakes any {@link #sleep}. */
  public void stop() {
    stop.countDown();
  }

  /** Whether a stop was asked for. */
  public boolean stopped() {
    return stop.getCount() == 0;
  }

  @Override
  public boolean sleep(Duration duration) {
    if (stopped()) {
      return false;
    }
    if (duration.isZero() || duration.isNegative()) {
      return true;
    }
    try {
      return !stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
