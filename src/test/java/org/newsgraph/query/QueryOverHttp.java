package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.newsgraph.serve.NewsgraphServer;

/** Runs a named query over HTTP ({@code GET /q/NAME?param=value}) and returns its rows. */
final class QueryOverHttp {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private QueryOverHttp() {}

  /** The rows of {@code /q/NAME} as JSON results, each column as in {@link JsonRows}. */
  static List<Map<String, String>> rows(
      NewsgraphServer server, String name, Map<String, String> params) throws Exception {
    String query =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.url() + "q/" + name + "?" + query))
                .header("Accept", "application/sparql-results+json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonRows.parse(response.body());
  }
}
