package org.newsgraph.serve.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * Fetches the seed article's IRI from a running Fuseki server as Turtle, JSON-LD, N-Triples and
 * HTML.
 */
@Tag("slow")
class DescribeServletTest {

  private static final String TITLE =
      "Law on collection of facial recognition data to be proposed at two sessions";

  @TempDir Path dir;
  private Tdb2Store store;
  private FusekiServer server;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    base = "http://127.0.0.1:" + port + "/id/";
    Path db = dir.resolve("db");
    Cli.Result ingest =
        Cli.run("ingest", "--db", db.toString(), "--base", base, "seeds/000_1ca178d75c94ebc8.md");
    assertThat(ingest.exit()).as(ingest.err()).isZero();
    store = Tdb2Store.open(db);
    server =
        FusekiServer.create()
            .port(port)
            .loopback(true)
            .add("/newsgraph", store.dataset(), false)
            .addServlet("/id/*", new DescribeServlet(store.dataset(), base))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
    if (store != null) {
      store.close();
    }
  }

  private String articleIri() {
    return base
        + "article/"
        + IriFactory.articleKey("https://www.globaltimes.cn/page/202103/1217051.shtml");
  }

  private HttpResponse<String> get(String iri, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(iri)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void turtleNamesTheArticleTitle() throws Exception {
    HttpResponse<String> r = get(articleIri(), "text/turtle");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/turtle"));
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
    assertThat(g.find().toList())
        .anySatisfy(
            t ->
                assertThat(
                        t.getObject().isLiteral()
                            && t.getObject().getLiteralLexicalForm().equals(TITLE))
                    .isTrue());
  }

  @Test
  void jsonLdNamesTheArticleTitle() throws Exception {
    HttpResponse<String> r = get(articleIri(), "application/ld+json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/ld+json"));
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.JSONLD11).parse(g);
    assertThat(g.find().toList())
        .anySatisfy(
            t ->
                assertThat(
                        t.getObject().isLiteral()
                            && t.getObject().getLiteralLexicalForm().equals(TITLE))
                    .isTrue());
  }

  @Test
  void browsersGetAPageWithTheTitleAndRelatedCoverageInBothDirections() throws Exception {
    HttpResponse<String> r =
        get(articleIri(), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(r.body())
        .contains("<title>" + TITLE + "</title>")
        .contains("Related coverage cited here")
        .contains("Congress to renew fight over facial recognition ban");
    String cited =
        base
            + "article/"
            + IriFactory.articleKey(
                "https://www.newsweek.com/hunting-sexual-predators-political-fight-facial-recognition-legislation-1573303");
    HttpResponse<String> back = get(cited, "text/html");
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body())
        .contains("Coverage that cites this")
        .contains(TITLE)
        .contains("href=\"" + articleIri() + "\"");
  }

  @Test
  void nTriplesTopicsAndUnknownIris() throws Exception {
    HttpResponse<String> nt = get(base + "topic/ai", "application/n-triples");
    assertThat(nt.statusCode()).isEqualTo(200);
    assertThat(nt.body()).contains("<http://www.wikidata.org/entity/Q11660>");
    assertThat(get(base + "article/0000000000000000", "text/turtle").statusCode()).isEqualTo(404);
    assertThat(get(base + "unknown/thing", "text/turtle").statusCode()).isEqualTo(404);
    assertThat(get(articleIri(), "image/png").statusCode()).isEqualTo(406);
  }
}
