package org.newsgraph.subscribe;

import java.time.Duration;
import java.util.Objects;
import org.newsgraph.model.Versions;

/**
 * How feeds are fetched: the politeness and patience of the HTTP client.
 *
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for a whole response, from the request to the last byte
 * @param retries how many times a request is tried again after a connection error, 429 or 5xx
 * @param retryWait the wait before the first retry; it doubles at every further one (a {@code
 *     Retry-After} that asks for longer is honoured, up to {@code maxRetryAfter})
 * @param maxRetryAfter the longest {@code Retry-After} waited for; a server that asks for more
 *     fails the feed for this round
 * @param hostInterval the least time between two requests to one host
 * @param maxBytes the largest response body, compressed or inflated, kept
 * @param userAgent the {@code User-Agent} header
 */
public record FetchSettings(
    Duration connectTimeout,
    Duration readTimeout,
    int retries,
    Duration retryWait,
    Duration maxRetryAfter,
    Duration hostInterval,
    long maxBytes,
    String userAgent) {

  /** Where the project is described, named in the {@code User-Agent}. */
  public static final String PROJECT_URL = "https://w3id.org/newsgraph/";

  /**
   * The defaults: connect within 10 s, whole response within 30 s, 2 retries starting at 2 s, a
   * {@code Retry-After} of up to 2 minutes honoured, 1 s between requests to one host, 8 MiB.
   */
  public static final FetchSettings DEFAULT =
      new FetchSettings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          2,
          Duration.ofSeconds(2),
          Duration.ofMinutes(2),
          Duration.ofSeconds(1),
          8L * 1024 * 1024,
          defaultUserAgent());

  /** Validates the settings. */
  public FetchSettings {
    Objects.requireNonNull(userAgent, "userAgent");
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || readTimeout.isNegative()
        || readTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (retries < 0 || retryWait.isNegative() || hostInterval.isNegative() || maxBytes < 1) {
      throw new IllegalArgumentException("retries, waits and sizes must not be negative");
    }
  }

  /** {@code newsgraph/VERSION (+PROJECT_URL)}, VERSION from {@link Versions#newsgraph()}. */
  public static String defaultUserAgent() {
    return "newsgraph/" + Versions.newsgraph() + " (+" + PROJECT_URL + ")";
  }
}
