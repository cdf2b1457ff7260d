package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.update.UpdateAction;
import org.apache.jena.update.UpdateFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsgraph.cli.Cli;

/**
 * How a remote store writes a batch, against a scripted SPARQL Update endpoint on a loopback port
 * that parses every request with Jena and applies it to an in-memory dataset: many graphs per
 * request, the metadata with the last, requests cut to the size limit and to what Virtuoso takes,
 * and a refused request sent again in smaller ones so that exactly the refused graph fails.
 */
class RemoteBatchWriteTest {

  private static final Node META = NodeFactory.createURI("https://example.org/meta");
  private static final Node P = NodeFactory.createURI("https://example.org/p");

  private HttpServer server;
  private final DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
  private final List<String> updates = new ArrayList<>();
  private volatile String refuse = "\u0000";
  private volatile int refuseStatus = 400;
  private volatile String serverHeader;
  private volatile boolean fuseki;
  private final List<String> posts = new ArrayList<>();
  // Every request that wrote, in order: "update" or "post".
  private final List<String> order = new ArrayList<>();

  /**
   * The scripted endpoint; refuses (with {@code refuseStatus}) any update that names {@code
   * refuse}.
   */
  private String serve() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ds/update",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (serverHeader != null) {
            exchange.getResponseHeaders().add("Server", serverHeader);
          }
          if (fuseki) {
            exchange.getResponseHeaders().add("Fuseki-Request-Id", "1");
          }
          int status;
          if (!exchange.getRequestMethod().equals("POST")) {
            status = 405;
          } else if (body.contains(refuse)) {
            status = refuseStatus;
          } else {
            synchronized (updates) {
              updates.add(body);
              order.add("update");
              UpdateAction.execute(UpdateFactory.create(body), dataset);
            }
            status = 204;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.createContext("/ds/sparql", this::answerQuery);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/ds";
  }

  /**
   * Adds a Graph Store Protocol service at {@code /ds/data} that takes TriG posted to the dataset
   * (adding its quads, as Fuseki does), refusing any post that names {@code refuse}.
   */
  private void serveQuads() {
    server.createContext(
        "/ds/data",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String type = exchange.getRequestHeaders().getFirst("Content-Type");
          int status;
          if (!exchange.getRequestMethod().equals("POST") || !type.startsWith("application/trig")) {
            status = 415;
          } else if (body.contains(refuse)) {
            status = refuseStatus;
          } else {
            synchronized (updates) {
              posts.add(body);
              order.add("post");
              RDFParser.fromString(body, Lang.TRIG).parse(dataset);
            }
            status = 200;
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }

  /** The batch with every graph it replaces marked restorable (as a file's own graphs are). */
  private static StoreBatch restorable(StoreBatch batch) {
    Set<Node> all = new java.util.HashSet<>();
    batch.replace().forEach(g -> all.add(g.graph()));
    return new StoreBatch(
        batch.replace(),
        batch.delete(),
        batch.metaGraph(),
        batch.metaSubjects(),
        batch.metaTriples(),
        all);
  }

  /** Answers a SPARQL query (GET or form POST) from the dataset, as SPARQL JSON results. */
  private void answerQuery(com.sun.net.httpserver.HttpExchange exchange)
      throws java.io.IOException {
    String form =
        exchange.getRequestMethod().equals("GET")
            ? exchange.getRequestURI().getRawQuery()
            : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String text = null;
    for (String pair : form.split("&")) {
      if (pair.startsWith("query=")) {
        text = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    synchronized (updates) {
      try (QueryExec exec = QueryExec.dataset(dataset).query(text).build()) {
        if (exec.getQuery().isAskType()) {
          ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(out, exec.ask());
        } else {
          ResultsWriter.create().lang(ResultSetLang.RS_JSON).write(out, exec.select());
        }
      }
    }
    exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
    exchange.sendResponseHeaders(200, out.size());
    exchange.getResponseBody().write(out.toByteArray());
    exchange.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static Node graph(int i) {
    return NodeFactory.createURI("https://example.org/graph/" + i);
  }

  /** Graph {@code i} with {@code triples} triples, of about 100 bytes each. */
  private static GraphContent content(int i, int triples) {
    List<Triple> list = new ArrayList<>();
    for (int t = 0; t < triples; t++) {
      list.add(
          Triple.create(
              NodeFactory.createURI("https://example.org/s/" + i + "/" + t),
              P,
              NodeFactory.createLiteralString("value " + t + " of graph " + i + " \"quoted\" é")));
    }
    return new GraphContent(graph(i), list);
  }

  /** A batch of graphs 0..n-1 whose metadata records one triple per graph. */
  private static StoreBatch batch(int n, int triples) {
    List<GraphContent> graphs = new ArrayList<>();
    List<Triple> meta = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      graphs.add(content(i, triples));
      meta.add(Triple.create(graph(i), P, NodeFactory.createLiteralString("written")));
    }
    return new StoreBatch(graphs, List.of(), META, List.of(), meta);
  }

  private RemoteStore store(String url, long maxBytes) {
    return new RemoteStore(
        RemoteEndpoint.of(url).withRetries(2, Duration.ofMillis(5)).withMaxRequestBytes(maxBytes));
  }

  private Set<String> graphsHeld() {
    Set<String> held = new TreeSet<>();
    dataset.listGraphNodes().forEachRemaining(g -> held.add(g.getURI()));
    return held;
  }

  @Test
  void aBatchWithinTheLimitIsOneRequestWithItsMetadata() throws Exception {
    RemoteStore store = store(serve(), RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    store.apply(batch(50, 20));
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0)).contains("DROP SILENT GRAPH <https://example.org/graph/49>");
    assertThat(dataset.getGraph(graph(7)).size()).isEqualTo(20);
    assertThat(dataset.getGraph(META).size()).isEqualTo(50);

    // Written again with other content: each graph is replaced whole, not added to.
    StoreBatch smaller =
        new StoreBatch(List.of(content(7, 3)), List.of(graph(8)), META, List.of(), List.of());
    store.apply(smaller);
    assertThat(dataset.getGraph(graph(7)).size()).isEqualTo(3);
    assertThat(graphsHeld()).doesNotContain(graph(8).getURI()).contains(graph(9).getURI());
  }

  @Test
  void aLargerBatchIsCutIntoRequestsOfWholeGraphsWithTheMetadataLast() throws Exception {
    RemoteStore store = store(serve(), RemoteEndpoint.MIN_MAX_REQUEST_BYTES);
    store.apply(batch(40, 20)); // about 2.5 KB a graph: six or seven graphs a request
    assertThat(updates.size()).isGreaterThan(5);
    for (int i = 0; i < updates.size(); i++) {
      assertThat(updates.get(i).getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo((int) RemoteEndpoint.MIN_MAX_REQUEST_BYTES);
      assertThat(updates.get(i).contains("https://example.org/meta"))
          .as("request %d of %d holds the metadata", i + 1, updates.size())
          .isEqualTo(i == updates.size() - 1);
    }
    assertThat(dataset.getGraph(META).size()).isEqualTo(40);
    for (int i = 0; i < 40; i++) {
      assertThat(dataset.getGraph(graph(i)).size()).as("graph %d", i).isEqualTo(20);
    }
  }

  @Test
  void aGraphLargerThanTheLimitGoesAloneInBlocksTheEngineParses() throws Exception {
    RemoteStore store = store(serve(), RemoteEndpoint.MIN_MAX_REQUEST_BYTES);
    int triples = RemoteQuirks.MAX_TRIPLES_PER_BLOCK * 2 + 10;
    store.replaceGraphs(List.of(content(1, 5), content(2, triples), content(3, 5)));
    assertThat(updates).hasSize(3);
    assertThat(updates.get(1).split("GRAPH <https://example.org/graph/2> \\{", -1)).hasSize(4);
    assertThat(dataset.getGraph(graph(2)).size()).isEqualTo(triples);
    assertThat(graphsHeld()).hasSize(3);
  }

  @Test
  void aRefusedGraphFailsAloneAndTheOthersAreWrittenWithoutMetadata() throws Exception {
    RemoteStore store = store(serve(), RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    refuse = "graph 13 ";
    assertThatThrownBy(() -> store.apply(batch(100, 5)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("1 graph(s) could not be written to remote store at")
        .hasMessageContaining("HTTP 400")
        .hasMessageEndingWith("so a re-run writes them again: " + graph(13).getURI());
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 100; i++) {
      if (i != 13) {
        expected.add(graph(i).getURI());
      }
    }
    assertThat(graphsHeld()).isEqualTo(expected);
    assertThat(updates).noneMatch(u -> u.contains(META.getURI()));
    // The batch, then two halves each time, down to the graph alone: about two requests a level.
    assertThat(updates.size()).isLessThan(20);
  }

  @Test
  void refusedCredentialsFailTheWholeBatchAtOnce() throws Exception {
    RemoteStore store = store(serve(), RemoteEndpoint.MIN_MAX_REQUEST_BYTES);
    refuse = "";
    refuseStatus = 401;
    assertThatThrownBy(() -> store.apply(batch(40, 20)))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("40 graph(s) could not be written")
        .hasMessageContaining("HTTP 401");
  }

  @Test
  void anEndpointThatRefusesEverythingIsNotAskedGraphByGraph() throws Exception {
    AtomicInteger posts = new AtomicInteger();
    String url = serve();
    server.removeContext("/ds/update");
    server.createContext(
        "/ds/update",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (exchange.getRequestMethod().equals("POST")) {
            posts.incrementAndGet();
          }
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    RemoteStore store = store(url, RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    assertThatThrownBy(() -> store.apply(batch(1000, 1)))
        .hasMessageStartingWith("1000 graph(s) could not be written");
    // Each request tried twice; one refusal per halving of 1,000 graphs and two more, then no more.
    assertThat(posts.get()).isLessThanOrEqualTo(2 * 13);
  }

  @Test
  void virtuosoGetsAtMostItsNumberOfGraphsPerRequest() throws Exception {
    serverHeader = "Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu";
    RemoteStore store = store(serve(), RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    store.apply(batch(RemoteQuirks.VIRTUOSO_MAX_GRAPHS + 1, 1));
    assertThat(updates).hasSize(2);
    assertThat(graphsHeld()).hasSize(RemoteQuirks.VIRTUOSO_MAX_GRAPHS + 2); // and the metadata
  }

  @Test
  void virtuosoGetsTheMetadataOfALargeBatchInRequestsItParses() throws Exception {
    serverHeader = "Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu";
    RemoteStore store = store(serve(), RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    int n = 1200;
    List<GraphContent> graphs = new ArrayList<>();
    List<Node> subjects = new ArrayList<>();
    List<Triple> meta = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      graphs.add(content(i, 1));
      subjects.add(graph(i));
      for (int k = 0; k < 3; k++) {
        meta.add(Triple.create(graph(i), P, NodeFactory.createLiteralString("fact " + k)));
      }
    }
    StoreBatch batch = new StoreBatch(graphs, List.of(), META, subjects, meta);
    store.apply(batch);
    store.apply(batch); // again: each subject's metadata replaced, not added to
    assertThat(dataset.getGraph(META).size()).isEqualTo(3 * n);
    for (String update : updates) {
      assertThat(update.split(" ;\n", -1).length)
          .as("operations of a request")
          .isLessThanOrEqualTo(RemoteQuirks.VIRTUOSO_MAX_GRAPHS + 1);
      for (String block : update.split("GRAPH <")) {
        assertThat(block.split(" \\.\n", -1).length - 1)
            .as("triples of a block")
            .isLessThanOrEqualTo(RemoteQuirks.MAX_TRIPLES_PER_BLOCK);
      }
    }
  }

  @Test
  void fusekiGetsTheRestorableGraphsPostedAsTriGAfterOneDropAndTheMetadataLast() throws Exception {
    fuseki = true;
    String url = serve();
    serveQuads();
    RemoteStore store = store(url, RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    store.apply(restorable(batch(50, 20)));
    assertThat(order).containsExactly("update", "post", "update");
    assertThat(updates.get(0))
        .contains("DROP SILENT GRAPH <https://example.org/graph/49>")
        .doesNotContain("INSERT");
    assertThat(posts.get(0)).contains("GRAPH <https://example.org/graph/49>");
    assertThat(updates.get(1)).contains(META.getURI()).doesNotContain("graph/49>");
    assertThat(dataset.getGraph(graph(7)).size()).isEqualTo(20);
    assertThat(dataset.getGraph(META).size()).isEqualTo(50);

    // Written again with other content: replaced whole, not added to.
    store.apply(
        restorable(
            new StoreBatch(List.of(content(7, 3)), List.of(graph(8)), META, List.of(), List.of())));
    assertThat(dataset.getGraph(graph(7)).size()).isEqualTo(3);
    assertThat(graphsHeld()).doesNotContain(graph(8).getURI()).contains(graph(9).getURI());
  }

  @Test
  void onFusekiAGraphThatIsNotRestorableIsDroppedAndWrittenInOneUpdate() throws Exception {
    fuseki = true;
    String url = serve();
    serveQuads();
    RemoteStore store = store(url, RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    StoreBatch all = batch(10, 4);
    store.apply(
        new StoreBatch(
            all.replace(),
            List.of(),
            META,
            List.of(),
            all.metaTriples(),
            Set.of(graph(0), graph(1))));
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0)).contains("graph/0>", "graph/1>").doesNotContain("graph/7>");
    assertThat(updates)
        .anyMatch(
            u ->
                u.contains("DROP SILENT GRAPH <https://example.org/graph/7>")
                    && u.contains("INSERT DATA")
                    && u.contains("GRAPH <https://example.org/graph/7>"));
    for (int i = 0; i < 10; i++) {
      assertThat(dataset.getGraph(graph(i)).size()).as("graph %d", i).isEqualTo(4);
    }
    assertThat(order.get(order.size() - 1)).isEqualTo("update");
    assertThat(updates.get(updates.size() - 1)).contains(META.getURI());
  }

  @Test
  void aRefusedPostFailsItsGraphAloneAndTheMetadataIsNotWritten() throws Exception {
    fuseki = true;
    String url = serve();
    serveQuads();
    RemoteStore store = store(url, RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    refuse = "graph 13 ";
    assertThatThrownBy(() -> store.apply(restorable(batch(100, 5))))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("1 graph(s) could not be written to remote store at")
        .hasMessageContaining("HTTP 400")
        .hasMessageEndingWith("so a re-run writes them again: " + graph(13).getURI());
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 100; i++) {
      if (i != 13) {
        expected.add(graph(i).getURI());
      }
    }
    assertThat(graphsHeld()).isEqualTo(expected);
    assertThat(updates).noneMatch(u -> u.contains(META.getURI()));
  }

  @Test
  void aFusekiWithoutAGraphStoreForQuadsGetsEveryGraphByUpdate() throws Exception {
    fuseki = true;
    RemoteStore store = store(serve(), RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES); // no /ds/data
    store.apply(restorable(batch(30, 5)));
    store.apply(restorable(batch(30, 6)));
    assertThat(posts).isEmpty();
    for (int i = 0; i < 30; i++) {
      assertThat(dataset.getGraph(graph(i)).size()).as("graph %d", i).isEqualTo(6);
    }
    assertThat(dataset.getGraph(META).size()).isEqualTo(30);
    // The first batch tried a post once; the second went by update alone.
    assertThat(updates.get(updates.size() - 1)).contains("INSERT DATA", "graph/29>", META.getURI());
  }

  @Test
  void theCompactMetadataOfFusekiReplacesEachSubjectsDescriptionExactly() throws Exception {
    fuseki = true;
    String url = serve();
    serveQuads();
    RemoteStore store = store(url, RemoteEndpoint.DEFAULT_MAX_REQUEST_BYTES);
    List<Node> subjects = new ArrayList<>();
    List<Triple> meta = new ArrayList<>();
    String[] odd = {
      "https://example.org/a/b.c",
      "https://example.org/a/-x",
      "https://example.org/a/%20",
      "https://example.org/a/",
      "urn:x:y",
      "https://example.org/a/é",
      "https://example.org/h#1-"
    };
    for (int i = 0; i < 40; i++) {
      Node subject = NodeFactory.createURI(odd[i % odd.length] + (i < odd.length ? "" : "/" + i));
      subjects.add(subject);
      meta.add(Triple.create(subject, P, NodeFactory.createLiteralString("fact \"" + i + "\"\n")));
      meta.add(
          Triple.create(
              subject,
              P,
              NodeFactory.createLiteralDT(
                  "2026-12-07T10:00:00Z", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime)));
      meta.add(Triple.create(subject, P, NodeFactory.createLiteralLang("été", "fr")));
      meta.add(Triple.create(subject, P, graph(i)));
    }
    StoreBatch batch = new StoreBatch(List.of(), List.of(), META, subjects, meta);
    store.apply(batch);
    store.apply(batch); // again: each subject's description replaced, not added to
    Set<Triple> held = new java.util.HashSet<>();
    dataset.getGraph(META).find().forEachRemaining(held::add);
    assertThat(held).isEqualTo(new java.util.HashSet<>(meta));
    assertThat(updates.get(updates.size() - 1)).startsWith("PREFIX ").contains("VALUES ?s");
  }

  @Test
  void theCommandLineSetsTheRequestSizeLimit() throws Exception {
    String url = serve();
    Cli.Result small =
        Cli.run(
            "ingest",
            "--endpoint",
            url,
            "--endpoint-max-request",
            "16k",
            "--no-infer-links",
            "seeds");
    assertThat(small.exit()).as(small.err()).isZero();
    int requests = updates.size();
    assertThat(requests)
        .as("the ontology, shapes and four records at 16 KiB a request")
        .isGreaterThan(4);
    for (String update : updates) {
      if (update.getBytes(StandardCharsets.UTF_8).length > 16 << 10) {
        assertThat(update)
            .as("only a graph larger than the limit goes over it")
            .doesNotContain(" ;\nDROP");
      }
    }

    Cli.Result wrong = Cli.run("stats", "--endpoint", url, "--endpoint-max-request", "8 GB");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err())
        .contains("--endpoint-max-request must be a size like 512k or 8M, not '8 GB'");
    Cli.Result tiny = Cli.run("stats", "--endpoint", url, "--endpoint-max-request", "1k");
    assertThat(tiny.exit()).isEqualTo(2);
    assertThat(tiny.err()).contains("must be at least 16k");
  }
}
