package org.newsgraph.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.serve.ServeFixture.encode;
import static org.newsgraph.serve.ServeFixture.get;
import static org.newsgraph.serve.ServeFixture.post;
import static org.newsgraph.serve.ServeFixture.query;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.store.Tdb2Store;

/** The endpoints of a read-only server, driven over real HTTP on an ephemeral loopback port. */
@Tag("slow")
class ServerProtocolTest {

  private static final String ARTICLES =
      "SELECT ?a WHERE { ?a a <https://w3id.org/newsgraph/ns#Article> } ORDER BY ?a";
  private static final String CONSTRUCT =
      "CONSTRUCT { ?a <http://schema.org/headline> ?h } WHERE { ?a <http://schema.org/headline> ?h }";

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

  @Test
  void listensOnLoopbackAtTheChosenPort() {
    assertThat(server.port()).isPositive();
    assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port() + "/");
  }

  @Test
  void selectAnswersInJsonAndXml() throws Exception {
    for (Map.Entry<String, Lang> format :
        Map.of(
                "application/sparql-results+json", ResultSetLang.RS_JSON,
                "application/sparql-results+xml", ResultSetLang.RS_XML)
            .entrySet()) {
      HttpResponse<String> response = query(server, ARTICLES, format.getKey());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith(format.getKey()));
      assertThat(articleIris(response.body(), format.getValue()))
          .hasSize(3)
          .allMatch(iri -> iri.startsWith("https://w3id.org/newsgraph/id/article/"));
    }
  }

  @Test
  void selectAnswersInCsvAndTsv() throws Exception {
    List<String> json =
        articleIris(
            query(server, ARTICLES, "application/sparql-results+json").body(),
            ResultSetLang.RS_JSON);
    List<String> csv = query(server, ARTICLES, "text/csv").body().lines().toList();
    List<String> tsv = query(server, ARTICLES, "text/tab-separated-values").body().lines().toList();
    assertThat(csv.get(0)).isEqualTo("a");
    assertThat(csv.subList(1, csv.size())).isEqualTo(json);
    assertThat(tsv.get(0)).isEqualTo("?a");
    assertThat(tsv.subList(1, tsv.size()))
        .isEqualTo(json.stream().map(i -> "<" + i + ">").toList());
  }

  @Test
  void postFormAndPostBodyAnswerAsGet() throws Exception {
    String url = server.url() + "newsgraph/sparql";
    HttpResponse<String> form =
        post(url, "application/x-www-form-urlencoded", "query=" + encode(ARTICLES));
    HttpResponse<String> body = post(url, "application/sparql-query", ARTICLES);
    List<String> expected =
        articleIris(
            query(server, ARTICLES, "application/sparql-results+json").body(),
            ResultSetLang.RS_JSON);
    assertThat(articleIris(form.body(), ResultSetLang.RS_JSON)).isEqualTo(expected);
    assertThat(articleIris(body.body(), ResultSetLang.RS_JSON)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/turtle",
        "application/n-triples",
        "application/ld+json",
        "application/rdf+xml"
      })
  void constructAnswersInRdfSyntaxes(String type) throws Exception {
    HttpResponse<String> response = query(server, CONSTRUCT, type);
    assertThat(response.statusCode()).isEqualTo(200);
    Graph graph = parse(response.body(), type);
    // Three articles with one headline each: the two fixture records and the council article.
    assertThat(graph.size()).isEqualTo(3);
  }

  @Test
  void syntaxErrorIs400WithLineAndColumn() throws Exception {
    HttpResponse<String> response = query(server, "SELECT * WHERE {\n ?s ?p ", null);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("line 2, column");
    assertThat(query(server, ARTICLES, null).statusCode()).isEqualTo(200);
  }

  @Test
  void graphStoreProtocolReadsOneGraphAndTheUnion() throws Exception {
    String graphName =
        query(
                server,
                "SELECT ?g WHERE { GRAPH ?g { ?a <http://schema.org/url> <"
                    + ServeFixture.ALPHA_URL
                    + "> } }",
                "text/csv")
            .body()
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> one =
        get(server.url() + "newsgraph/get?graph=" + encode(graphName), "text/turtle");
    assertThat(one.statusCode()).isEqualTo(200);
    Graph graph = parse(one.body(), "text/turtle");
    assertThat(graph.size()).isPositive();
    HttpResponse<String> missing =
        get(
            server.url() + "newsgraph/get?graph=" + encode("https://nowhere.example/g"),
            "text/turtle");
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void graphStoreReadsOfMoreThanTheCapAreRefusedWithAMessage() throws Exception {
    // This server's cap is 100 statements; the fixture's dataset holds more.
    HttpResponse<String> whole = get(server.url() + "newsgraph/get", "application/n-quads");
    assertThat(whole.statusCode()).isEqualTo(403);
    assertThat(whole.body())
        .contains("the dataset holds more than 100 statements", "--max-rows", "newsgraph export");
  }

  @Test
  void selectIsCappedAndTheCapSignalled() throws Exception {
    HttpResponse<String> all = query(server, "SELECT * WHERE { ?s ?p ?o }", "text/csv");
    assertThat(all.headers().firstValue(ServeSettings.TRUNCATED_HEADER)).hasValue("100");
    assertThat(all.body().lines().count()).isEqualTo(101);
    HttpResponse<String> limited =
        query(server, "SELECT * WHERE { ?s ?p ?o } LIMIT 100", "text/csv");
    assertThat(limited.headers().firstValue(ServeSettings.TRUNCATED_HEADER)).isEmpty();
    assertThat(limited.body().lines().count()).isEqualTo(101);
  }

  @Test
  void serviceDescriptionAnswersAPlainGet() throws Exception {
    HttpResponse<String> response = get(server.url() + "newsgraph/sparql", "text/turtle");
    assertThat(response.statusCode()).isEqualTo(200);
    Graph graph = parse(response.body(), "text/turtle");
    assertThat(graph.find().toList())
        .anySatisfy(
            t -> {
              assertThat(t.getPredicate().getURI()).endsWith("sparql-service-description#endpoint");
              assertThat(t.getObject().getURI()).isEqualTo(server.url() + "newsgraph/sparql");
            });
  }

  @Test
  void pingAnswers() throws Exception {
    assertThat(get(server.url() + "$/ping", null).statusCode()).isEqualTo(200);
  }

  /** Fuseki alone would name itself with newsgraph's version once shaded into one jar. */
  @Test
  void everyResponseNamesNewsgraphAndTheFusekiItRuns() throws Exception {
    for (HttpResponse<String> response :
        List.of(
            get(server.url() + "$/ping", null),
            query(server, "ASK {}", null),
            get(server.url() + "newsgraph/sparql?query=ASK", null),
            get(server.url() + "no/such/page", null),
            get(server.url() + "q/coverage", null))) {
      assertThat(response.headers().allValues("Server"))
          .as(response.uri().toString())
          .singleElement()
          .asString()
          .matches("newsgraph/\\S+ \\(Apache Jena Fuseki 5\\.6\\.0\\)");
    }
  }

  @Test
  void namedQueryCatalogIsListedWithParameters() throws Exception {
    HttpResponse<String> response = get(server.url() + "q", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonArray queries = JSON.parseAny(response.body()).getAsArray();
    assertThat(queries.stream().map(q -> q.getAsObject().getString("name")).toList())
        .contains("coverage");
    assertThat(
            queries
                .get(0)
                .getAsObject()
                .get("params")
                .getAsArray()
                .get(0)
                .getAsObject()
                .getString("name"))
        .isEqualTo("article");
  }

  @Test
  void namedQueryRunsWithParametersAndNegotiation() throws Exception {
    String url = server.url() + "q/coverage?article=" + encode(ServeFixture.ALPHA_URL);
    HttpResponse<String> csv = get(url, "text/csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body().lines().toList())
        .hasSize(4)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("cites,")
                    .contains("Radar counters: what the council approved,Council Watch"))
        .anySatisfy(l -> assertThat(l).startsWith("cited-by,").contains("Privacy Post"));
    HttpResponse<String> json = get(url, "application/sparql-results+json");
    assertThat(ResultSetMgr.read(stream(json.body()), ResultSetLang.RS_JSON).getResultVars())
        .containsExactly("direction", "related", "title", "provider", "published");
    HttpResponse<String> byParam = get(url + "&format=tsv", "application/sparql-results+json");
    assertThat(byParam.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/tab-separated-values"));
  }

  @Test
  void namedQueryErrorsAreClientErrors() throws Exception {
    HttpResponse<String> missing = get(server.url() + "q/coverage", null);
    assertThat(missing.statusCode()).isEqualTo(400);
    // Over HTTP a parameter is written as in the URL, not as the command line's --param.
    assertThat(missing.body()).startsWith("query 'coverage' needs ?article=... (article): ");
    assertThat(get(server.url() + "q/nosuch", null).statusCode()).isEqualTo(404);
    assertThat(get(server.url() + "q/coverage?article=x&bogus=1", null).statusCode())
        .isEqualTo(400);
    HttpResponse<String> injected =
        get(
            server.url() + "q/coverage?article=" + encode("https://a.example/\"} ; DROP ALL #"),
            "text/csv");
    assertThat(injected.statusCode()).isIn(200, 400);
    assertThat(query(server, ARTICLES, "text/csv").body().lines().count()).isEqualTo(4);
  }

  @Test
  void corsIsOffByDefault() throws Exception {
    HttpResponse<String> response =
        ServeFixture.HTTP.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        server.url() + "newsgraph/sparql?query=" + encode(ARTICLES)))
                .header("Origin", "https://elsewhere.example")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void queryPageAndAssetsComeFromTheJarWithNoOutsideReference() throws Exception {
    HttpResponse<String> page = get(server.url(), "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    List<String> assets = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    while (m.find()) {
      assets.add(m.group(1));
    }
    assertThat(assets)
        .isNotEmpty()
        .allMatch(a -> a.startsWith("assets/") || a.startsWith("webjars/"))
        .anyMatch(a -> a.startsWith("webjars/zazuko__yasgui/"));
    for (String asset : assets) {
      HttpResponse<String> file = get(server.url() + asset, null);
      assertThat(file.statusCode()).as(asset).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self';"));
      if (asset.startsWith("assets/")) {
        // The page's own files name no other host; the libraries' bundles are fixed by version.
        assertThat(file.body())
            .as(asset)
            .doesNotContainPattern("(import|src|href|url)\\s*[=(]?\\s*[\"']?https?://");
        assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-cache");
      } else {
        assertThat(file.headers().firstValue("Cache-Control"))
            .hasValueSatisfying(c -> assertThat(c).contains("max-age=31536000"));
      }
    }
    HttpResponse<String> vocabulary = get(server.url() + "assets/vocabulary.json", null);
    assertThat(vocabulary.statusCode()).isEqualTo(200);
    assertThat(vocabulary.body())
        .contains("\"https://w3id.org/newsgraph/ns#related\"")
        .contains("\"http://schema.org/headline\"")
        .contains("\"https://w3id.org/newsgraph/ns#Article\"")
        .contains("\"article\" : \"https://w3id.org/newsgraph/id/article/\"");
    // Only the listed bundles of a WebJar are served, nothing else in it.
    assertThat(get(server.url() + "webjars/cytoscape/3.33.1/package.json", null).statusCode())
        .isEqualTo(404);
    assertThat(
            get(server.url() + "webjars/cytoscape/3.33.1/..%2F..%2Fchart.js/x.js", null)
                .statusCode())
        .isBetween(400, 404);
    assertThat(get(server.url() + "assets/..%2Fqueries%2Findex", null).statusCode())
        .isBetween(400, 404);
    assertThat(get(server.url() + "assets/nosuch.js", null).statusCode()).isEqualTo(404);
  }

  private static List<String> articleIris(String body, Lang lang) {
    ResultSet rows = ResultSetMgr.read(stream(body), lang);
    List<String> iris = new ArrayList<>();
    rows.forEachRemaining(
        row -> {
          RDFNode a = row.get("a");
          iris.add(a.asResource().getURI());
        });
    return iris;
  }

  private static Graph parse(String body, String type) {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(body, org.apache.jena.riot.RDFLanguages.contentTypeToLang(type))
        .parse(graph);
    return graph;
  }

  private static ByteArrayInputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }
}
