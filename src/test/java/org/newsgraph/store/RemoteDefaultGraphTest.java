package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;
import org.newsgraph.cli.Cli;

/** How a remote store finds out what its default graph is and adapts the queries that read it. */
class RemoteDefaultGraphTest {

  private static final Node[] TRIPLE = {
    NodeFactory.createURI("https://example.org/s"),
    NodeFactory.createURI("https://example.org/p"),
    NodeFactory.createLiteralString("o")
  };
  private static final Query READS_BOTH =
      QueryFactory.create(
          "SELECT ?g ?x WHERE { ?x a <https://example.org/A> GRAPH ?g { ?x ?p ?o } }");

  @Test
  void queriesThatReadTheDefaultGraphAreTold() {
    assertThat(RemoteDefaultGraph.readsDefaultGraph(READS_BOTH)).isTrue();
    assertThat(reads("SELECT * { GRAPH ?g { ?s <p:p>/<p:q>+ ?o } }")).isFalse();
    assertThat(reads("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { } }")).isFalse();
    assertThat(reads("SELECT * { ?s <p:p>+ ?o }")).isTrue();
    assertThat(reads("SELECT * { GRAPH ?g { ?s ?p ?o } { SELECT ?s { ?s a ?t } } }")).isTrue();
    assertThat(reads("ASK { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s a ?t } }")).isTrue();
    assertThat(reads("DESCRIBE <https://example.org/s>")).isTrue();
  }

  @Test
  void aUnionDefaultGraphTakesQueriesAsTheyAre() {
    AtomicInteger asks = new AtomicInteger();
    RemoteDefaultGraph dg =
        new RemoteDefaultGraph(
            "remote store at X",
            q -> TRIPLE,
            q -> {
              asks.incrementAndGet();
              return q.getQueryPattern().toString().contains("GRAPH") ? false : true;
            });
    assertThat(dg.adapt(READS_BOTH)).isSameAs(READS_BOTH);
    assertThat(dg.adapt(READS_BOTH)).isSameAs(READS_BOTH);
    assertThat(dg.kind()).isEqualTo(RemoteDefaultGraph.Kind.UNION);
    assertThat(asks.get()).as("found out once").isEqualTo(1);
  }

  @Test
  void aSeparateDefaultGraphIsReadThroughTheUnionGraphByName() {
    RemoteDefaultGraph dg =
        new RemoteDefaultGraph(
            "remote store at X",
            q -> TRIPLE,
            q -> q.getQueryPattern().toString().contains("urn:x-arq:UnionGraph"));
    Query sent = dg.adapt(READS_BOTH);
    assertThat(dg.kind()).isEqualTo(RemoteDefaultGraph.Kind.UNION_BY_NAME);
    assertThat(sent.toString())
        .contains("GRAPH <urn:x-arq:UnionGraph>")
        .contains("GRAPH ?g")
        .isNotEqualTo(READS_BOTH.toString());
    assertThat(sent.getProjectVars()).isEqualTo(READS_BOTH.getProjectVars());
    Query graphsOnly = QueryFactory.create("SELECT * { GRAPH ?g { ?s ?p ?o } }");
    assertThat(dg.adapt(graphsOnly)).isSameAs(graphsOnly);
    Query describe = QueryFactory.create("DESCRIBE <https://example.org/s>");
    assertThatThrownBy(() -> dg.adapt(describe))
        .isInstanceOf(RemoteUnsupportedException.class)
        .hasMessageContaining("a DESCRIBE reads")
        .hasMessageContaining("tdb2:unionDefaultGraph true");
  }

  @Test
  void anEngineWithNeitherRefusesNamingTheSetting() {
    RemoteDefaultGraph dg = new RemoteDefaultGraph("remote store at X", q -> TRIPLE, q -> false);
    assertThatThrownBy(() -> dg.adapt(READS_BOTH))
        .isInstanceOf(RemoteUnsupportedException.class)
        .hasMessageContaining("remote store at X keeps its default graph apart")
        .hasMessageContaining("tdb2:unionDefaultGraph true");
    Query graphsOnly = QueryFactory.create("SELECT * { GRAPH ?g { ?s ?p ?o } }");
    assertThat(dg.adapt(graphsOnly)).isSameAs(graphsOnly);
  }

  @Test
  void anEmptyStoreIsAskedAgainAtTheNextQuery() {
    AtomicInteger samples = new AtomicInteger();
    RemoteDefaultGraph dg =
        new RemoteDefaultGraph(
            "remote store at X",
            q -> samples.incrementAndGet() < 3 ? null : TRIPLE,
            q -> !q.getQueryPattern().toString().contains("GRAPH"));
    assertThat(dg.adapt(READS_BOTH)).isSameAs(READS_BOTH);
    assertThat(dg.kind()).isNull();
    assertThat(dg.kind()).isEqualTo(RemoteDefaultGraph.Kind.UNION);
    assertThat(samples.get()).isEqualTo(3);
  }

  @Test
  void boundParametersMakeBoundTrueInTheQueryText() {
    Query query =
        QueryFactory.create(
            "SELECT ?s WHERE { ?s ?p ?o FILTER (!BOUND(?topic) || EXISTS { ?s ?q ?topic })"
                + " FILTER (BOUND(?other)) }");
    Query sent =
        RemoteStore.boundAsTrue(
            query,
            BindingFactory.binding(Var.alloc("topic"), NodeFactory.createURI("https://ex.org/t")));
    assertThat(sent.toString()).doesNotContain("bound(?topic)").contains("bound(?other)");
    assertThat(sent.toString().toLowerCase(java.util.Locale.ROOT)).contains("true");
  }

  /**
   * The command line over an engine that keeps its default graph apart and names no union: a
   * scripted SPARQL endpoint that holds one named-graph triple and answers every ASK with false.
   */
  @Test
  void theCommandSaysWhatIsMissingInOneLineAndExits3() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ds/sparql",
        exchange -> {
          String request =
              exchange.getRequestMethod().equals("GET")
                  ? exchange.getRequestURI().getRawQuery()
                  : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String query = URLDecoder.decode(request, StandardCharsets.UTF_8);
          String body;
          if (query.contains("ASK")) {
            body = "{\"head\":{},\"boolean\":false}";
          } else if (query.matches("(?s).*SELECT\\s+\\?s\\s+\\?p\\s+\\?o\\s.*LIMIT\\s+1\\s*")) {
            body =
                "{\"head\":{\"vars\":[\"s\",\"p\",\"o\"]},\"results\":{\"bindings\":[{"
                    + "\"s\":{\"type\":\"uri\",\"value\":\"https://example.org/s\"},"
                    + "\"p\":{\"type\":\"uri\",\"value\":\"https://example.org/p\"},"
                    + "\"o\":{\"type\":\"literal\",\"value\":\"o\"}}]}}";
          } else {
            body = "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[]}}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          String type =
              query.contains("ASK") || query.contains("SELECT")
                  ? "application/sparql-results+json"
                  : "application/n-triples";
          exchange.getResponseHeaders().add("Content-Type", type);
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ds";
      Cli.Result stats = Cli.run("stats", "--endpoint", url);
      assertThat(stats.exit()).as(stats.err()).isEqualTo(3);
      assertThat(stats.out()).isEmpty();
      assertThat(stats.err().lines().toList())
          .singleElement()
          .asString()
          .startsWith("newsgraph: this command's queries read the default graph")
          .contains("tdb2:unionDefaultGraph true");
    } finally {
      server.stop(0);
    }
  }

  private static boolean reads(String query) {
    return RemoteDefaultGraph.readsDefaultGraph(QueryFactory.create(query));
  }
}
