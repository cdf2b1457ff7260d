package org.newsgraph.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Where a remote store answers: SPARQL query, SPARQL update and Graph Store Protocol URLs (Fuseki's
 * names under a dataset URL by default), optional HTTP Basic credentials, and the retry policy.
 *
 * @param queryUrl the SPARQL 1.1 query endpoint
 * @param updateUrl the SPARQL 1.1 update endpoint
 * @param gspUrl the Graph Store Protocol endpoint
 * @param authorization the value of the Authorization header, or null
 * @param attempts tries per request (at least 1)
 * @param firstBackoff the wait after the first failure; doubled after each further one
 * @param timeout the connect and request timeout
 */
public record RemoteEndpoint(String queryUrl, String updateUrl, String gspUrl, String authorization,
    int attempts, Duration firstBackoff, Duration timeout) {

  /** Validates. */
  public RemoteEndpoint {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
  }

  /**
   * The endpoints of a dataset URL: {@code URL/sparql}, {@code URL/update}, {@code URL/data}; five
   * attempts with a backoff from 250 ms; 30 s timeout; no credentials.
   *
   * @param datasetUrl for example {@code http://127.0.0.1:3030/newsgraph}
   */
  public static RemoteEndpoint of(String datasetUrl) {
    if (!datasetUrl.startsWith("http://") && !datasetUrl.startsWith("https://")) {
      throw new IllegalArgumentException("--endpoint must be an http:// or https:// URL: " + datasetUrl);
    }
    String base = datasetUrl.endsWith("/") ? datasetUrl.substring(0, datasetUrl.length() - 1) : datasetUrl;
    return new RemoteEndpoint(base + "/sparql", base + "/update", base + "/data", null, 5,
        Duration.ofMillis(250), Duration.ofSeconds(30));
  }

  /** A copy with other service URLs (a null keeps the current one). */
  public RemoteEndpoint withUrls(String query, String update, String gsp) {
    return new RemoteEndpoint(query != null ? query : queryUrl, update != null ? update : updateUrl,
        gsp != null ? gsp : gspUrl, authorization, attempts, firstBackoff, timeout);
  }

  /** A copy with another retry policy. */
  public RemoteEndpoint withRetries(int tries, Duration backoff) {
    return new RemoteEndpoint(queryUrl, updateUrl, gspUrl, authorization, tries, backoff, timeout);
  }

  /**
   * A copy with HTTP Basic credentials read from a file whose single line is {@code user:password}.
   *
   * @throws IllegalArgumentException when the file cannot be read or has no {@code user:password} line
   */
  public RemoteEndpoint withAuthFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read --endpoint-auth file " + file + ": " + e.getMessage());
    }
    if (lines.size() != 1 || !lines.get(0).contains(":")) {
      throw new IllegalArgumentException("--endpoint-auth file " + file
          + " must hold one line 'user:password'");
    }
    String token = Base64.getEncoder().encodeToString(lines.get(0).strip().getBytes(StandardCharsets.UTF_8));
    return new RemoteEndpoint(queryUrl, updateUrl, gspUrl, "Basic " + token, attempts, firstBackoff, timeout);
  }
}
