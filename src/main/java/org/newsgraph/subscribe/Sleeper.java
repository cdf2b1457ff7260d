package org.newsgraph.subscribe;

import java.time.Duration;

/**
 * Waits: between polling rounds, before a retry, for a host's turn. Injected, so that tests run the
 * loop on a clock of their own without waiting.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for a while, or less when a stop was asked for.
   *
   * @param duration how long; zero or negative returns at once
   * @return true when the whole time passed, false when the wait ended because of a stop
   */
  boolean sleep(Duration duration);
}
