package org.newsgraph.store;

import java.time.Duration;
import org.newsgraph.model.InvalidValueException;

/**
 * Where a remote store answers: SPARQL query, SPARQL update and Graph Store Protocol URLs (Fuseki's
 * names under a dataset URL by default), optional HTTP Basic credentials, the retry policy, and the
 * largest write request to send.
 *
 * @param queryUrl the SPARQL 1.1 query endpoint
 * @param updateUrl the SPARQL 1.1 update endpoint
 * @param gspUrl the Graph Store Protocol endpoint
 * @param authorization the value of the Authorization header, or null
 * @param attempts tries per request (at least 1)
 * @param firstBackoff the wait after the first failure; doubled after each further one
 * @param timeout the connect and request timeout
 * @param maxRequestBytes the most bytes one SPARQL Update request of a batch carries (a single
 *     graph larger than this still goes alone in one request); an engine may lower it ({@link
 *     RemoteQuirks})
 */
public record RemoteEndpoint(
    String queryUrl,
    String updateUrl,
    String gspUrl,
    String authorization,
    int attempts,
    Duration firstBackoff,
    Duration timeout,
    long maxRequestBytes) {

  /** The default of {@link #maxRequestBytes}: 8 MiB. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 8L << 20;

  /** The least {@link #maxRequestBytes} accepted: 16 KiB. */
  public static final long MIN_MAX_REQUEST_BYTES = 16L << 10;

  /** Validates. */
  public RemoteEndpoint {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    if (maxRequestBytes < MIN_MAX_REQUEST_BYTES) {
      throw new IllegalArgumentException(
          "the request size limit must be at least " + MIN_MAX_REQUEST_BYTES + " bytes");
    }
  }

  /**
   * The endpoints of a dataset URL: {@code URL/sparql}, {@code URL/update}, {@code URL/data}; five
   * attempts with a backoff from 250 ms; 30 s timeout; no credentials; write requests of at most
   * {@link #DEFAULT_MAX_REQUEST_BYTES}.
   *
   * @param datasetUrl for example {@code http://127.0.0.1:3030/newsgraph}
   * @throws InvalidValueException when it is not an http or https URL
   */
  public static RemoteEndpoint of(String datasetUrl) {
    if (!datasetUrl.startsWith("http://") && !datasetUrl.startsWith("https://")) {
      throw new InvalidValueException("the dataset URL", datasetUrl, "an http:// or https:// URL");
    }
    String base =
        datasetUrl.endsWith("/") ? datasetUrl.substring(0, datasetUrl.length() - 1) : datasetUrl;
    return new RemoteEndpoint(
        base + "/sparql",
        base + "/update",
        base + "/data",
        null,
        5,
        Duration.ofMillis(250),
        Duration.ofSeconds(30),
        DEFAULT_MAX_REQUEST_BYTES);
  }

  /** A copy with other service URLs (a null keeps the current one). */
  public RemoteEndpoint withUrls(String query, String update, String gsp) {
    return new RemoteEndpoint(
        query != null ? query : queryUrl,
        update != null ? update : updateUrl,
        gsp != null ? gsp : gspUrl,
        authorization,
        attempts,
        firstBackoff,
        timeout,
        maxRequestBytes);
  }

  /** A copy with another retry policy. */
  public RemoteEndpoint withRetries(int tries, Duration backoff) {
    return new RemoteEndpoint(
        queryUrl, updateUrl, gspUrl, authorization, tries, backoff, timeout, maxRequestBytes);
  }

  /**
   * A copy whose write requests carry at most {@code bytes} bytes.
   *
   * @throws IllegalArgumentException when {@code bytes} is below {@link #MIN_MAX_REQUEST_BYTES}
   */
  public RemoteEndpoint withMaxRequestBytes(long bytes) {
    return new RemoteEndpoint(
        queryUrl, updateUrl, gspUrl, authorization, attempts, firstBackoff, timeout, bytes);
  }

  /** A copy that logs in with HTTP Basic credentials. */
  public RemoteEndpoint withCredentials(Credentials credentials) {
    return new RemoteEndpoint(
        queryUrl,
        updateUrl,
        gspUrl,
        credentials.basicAuthorization(),
        attempts,
        firstBackoff,
        timeout,
        maxRequestBytes);
  }
}
