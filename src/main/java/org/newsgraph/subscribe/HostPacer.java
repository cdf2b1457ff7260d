package org.newsgraph.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a least interval between two requests to one host: a request to a host asked too soon waits
 * for its turn. Hosts are told apart by name and port. For one fetching thread at a time.
 */
final class HostPacer {

  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Map<String, Instant> last = new HashMap<>();

  HostPacer(Duration interval, Clock clock, Sleeper sleeper) {
    this.interval = interval;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /**
   * Waits until a request to this host is allowed, and records it as made now.
   *
   * @param host the host and port, as in a URI's authority
   * @return false when the wait was cut short by a stop (no request should be made)
   */
  boolean await(String host) {
    String key = host.toLowerCase(Locale.ROOT);
    Instant previous = last.get(key);
    if (previous != null) {
      Duration wait = Duration.between(clock.instant(), previous.plus(interval));
      if (wait.compareTo(Duration.ZERO) > 0 && !sleeper.sleep(wait)) {
        return false;
      }
    }
    last.put(key, clock.instant());
    return true;
  }
}
