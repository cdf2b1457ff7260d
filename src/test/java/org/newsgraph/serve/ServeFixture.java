package org.newsgraph.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.Tdb2Store;

/** A TDB2 store with the test records in it, and HTTP helpers for tests of the server. */
final class ServeFixture {

  /** The web URL of the fixture article that cites two others. */
  static final String ALPHA_URL = "https://harbour-herald.example/traffic/radar-counters";

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ServeFixture() {}

  /** Ingests the records under {@code src/test/resources/serve/records} into a new store there. */
  static Tdb2Store store(Path dir) throws URISyntaxException {
    Path records = Path.of(ServeFixture.class.getResource("/serve/records").toURI());
    Cli.Result ingest = Cli.run("ingest", "--db", dir.toString(), records.toString());
    assertThat(ingest.exit()).as("ingest of the fixture: %s", ingest.err()).isZero();
    return Tdb2Store.open(dir);
  }

  /** GET with an Accept header. */
  static HttpResponse<String> get(String url, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A SPARQL Protocol GET of a query. */
  static HttpResponse<String> query(NewsgraphServer server, String sparql, String accept)
      throws Exception {
    return get(server.url() + "newsgraph/sparql?query=" + encode(sparql), accept);
  }

  /** POST with a body of a content type, asking for SPARQL JSON results. */
  static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .header("Accept", "application/sparql-results+json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
