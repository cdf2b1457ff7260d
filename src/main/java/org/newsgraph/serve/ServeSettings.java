package org.newsgraph.serve;

import java.time.Duration;

/**
 * The limits every query through the server runs under.
 *
 * @param timeout how long one query may run before it is cancelled; positive
 * @param maxRows how many result rows one response may carry; positive
 */
public record ServeSettings(Duration timeout, int maxRows) {

  /** The default query timeout: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The default cap on result rows. */
  public static final int DEFAULT_MAX_ROWS = 10_000;

  /**
   * The response header set when a result was cut at the cap; its value is the cap. Clients that
   * page through results look for it.
   */
  public static final String TRUNCATED_HEADER = "Newsgraph-Results-Truncated";

  /** Checks the limits. */
  public ServeSettings {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("the query timeout must be positive, not " + timeout);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("the row cap must be at least 1, not " + maxRows);
    }
  }
}
