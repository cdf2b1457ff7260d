package org.newsgraph.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.serve.ServeFixture.encode;
import static org.newsgraph.serve.ServeFixture.get;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * Full-text search over HTTP: {@code text:query} at the SPARQL endpoint, and the {@code search}
 * named query at {@code /q/search}, served from the store's own dataset.
 */
@Tag("slow")
class SearchOverHttpTest {

  static final String ALPHA =
      IriFactory.of(IriFactory.DEFAULT_BASE).article(ServeFixture.ALPHA_URL).getURI();

  @TempDir static Path dir;
  private static Tdb2Store store;
  private static NewsgraphServer server;

  @BeforeAll
  static void start() throws Exception {
    store = ServeFixture.store(dir);
    server =
        NewsgraphServer.builder(store)
            .port(0)
            .settings(new ServeSettings(Duration.ofSeconds(10), 100))
            .build()
            .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  static List<String> column(HttpResponse<String> json, String var) {
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    ResultSet rows =
        ResultSetMgr.read(
            new ByteArrayInputStream(json.body().getBytes(StandardCharsets.UTF_8)),
            ResultSetLang.RS_JSON);
    List<String> values = new ArrayList<>();
    rows.forEachRemaining(r -> values.add(r.get(var) == null ? null : r.get(var).toString()));
    return values;
  }

  @Test
  void theEndpointAnswersTextQuery() throws Exception {
    String sparql =
        "PREFIX text: <http://jena.apache.org/text#> PREFIX schema: <http://schema.org/> "
            + "SELECT DISTINCT ?a WHERE { ?a text:query (schema:description '\"radar counters\"') }";
    assertThat(column(ServeFixture.query(server, sparql, "application/sparql-results+json"), "a"))
        .containsExactly(ALPHA);
  }

  @Test
  void theSearchQueryRunsAtItsPath() throws Exception {
    HttpResponse<String> json =
        get(
            server.url() + "q/search?words=" + encode("Traffic counting"),
            "application/sparql-results+json");
    assertThat(column(json, "article")).containsExactly(ALPHA);
    assertThat(column(json, "headline"))
        .containsExactly("Harbour city trials camera-free traffic counting");
    HttpResponse<String> outside =
        get(
            server.url() + "q/search?words=traffic&from=2024-06-01",
            "application/sparql-results+json");
    assertThat(column(outside, "article")).isEmpty();
    HttpResponse<String> missing = get(server.url() + "q/search", null);
    assertThat(missing.statusCode()).isEqualTo(400);
  }
}
