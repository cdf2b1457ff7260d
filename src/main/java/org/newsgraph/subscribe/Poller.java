package org.newsgraph.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Runs rounds at a fixed rate: round {@code n} starts {@code n - 1} intervals after the first (a
 * round that overruns its interval makes the next start at once, and the slots it missed are
 * skipped, never run in a burst). Ends after a number of rounds, or when a stop is asked for
 * (between rounds, or during the wait). The clock and the sleeper are injected, so that the
 * schedule is tested without waiting.
 */
public final class Poller {

  /** The shortest interval a user may ask for. */
  public static final Duration MINIMUM = Duration.ofMinutes(1);

  /**
   * The system property that lowers {@link #MINIMUM}, for tests only (a duration such as {@code
   * 200ms}); polling a real host more often than once a minute is not polite.
   */
  public static final String MINIMUM_PROPERTY = "newsgraph.poll.minimum";

  /** One round of work. */
  @FunctionalInterface
  public interface Round {
    /**
     * Runs round {@code number}.
     *
     * @param number 1 for the first round
     */
    void run(int number);
  }

  private final Duration every;
  private final int rounds;
  private final Clock clock;
  private final Sleeper sleeper;
  private final BooleanSupplier stopped;

  /**
   * @param every the interval between the starts of two rounds
   * @param rounds how many rounds to run; 0 runs until stopped
   * @param clock the clock the schedule is kept by
   * @param sleeper waits between rounds; returns false when stopped
   * @param stopped whether a stop was asked for
   */
  public Poller(Duration every, int rounds, Clock clock, Sleeper sleeper, BooleanSupplier stopped) {
    if (every.isZero() || every.isNegative() || rounds < 0) {
      throw new IllegalArgumentException("a positive interval and a count of rounds, not " + every);
    }
    this.every = every;
    this.rounds = rounds;
    this.clock = clock;
    this.sleeper = sleeper;
    this.stopped = stopped;
  }

  /** The least interval allowed: {@link #MINIMUM}, or what the test property says. */
  public static Duration minimum() {
    String property = System.getProperty(MINIMUM_PROPERTY);
    return property == null ? MINIMUM : Durations.parse(MINIMUM_PROPERTY, property);
  }

  /**
   * Runs the rounds.
   *
   * @return how many rounds ran
   */
  public int run(Round round) {
    Instant next = clock.instant();
    int done = 0;
    while ((rounds == 0 || done < rounds) && !stopped.getAsBoolean()) {
      round.run(++done);
      if ((rounds != 0 && done >= rounds) || stopped.getAsBoolean()) {
        break;
      }
      Instant now = clock.instant();
      next = next.plus(every);
      while (!next.isAfter(now)) {
        next = next.plus(every); // the round overran: skip the slots it missed
      }
      if (!sleeper.sleep(Duration.between(now, next))) {
        break;
      }
    }
    return done;
  }
}
