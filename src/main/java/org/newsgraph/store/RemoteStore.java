package org.newsgraph.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.expr.E_Bound;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * A store behind SPARQL 1.1 endpoints (Fuseki, GraphDB, Virtuoso, ...): graphs are written with
 * SPARQL Update requests of many graphs each, every graph dropped and inserted whole so that each
 * write is idempotent ({@link RemoteWrites}), and reads go through the SPARQL query protocol.
 * Queries that read the default graph see the union of the named graphs, whether or not the
 * engine's default graph is that union ({@link RemoteDefaultGraph}). Transient failures (connection
 * errors, timeouts, 401, 408, 429, 5xx) are retried with exponential backoff. A batch within the
 * request size limit is one request, which an engine that makes an update request atomic (Fuseki
 * over TDB2) applies whole; a larger batch writes its graphs first and its metadata last, so a
 * failure leaves at worst graphs that a re-run writes again. Thread-safe.
 */
public final class RemoteStore implements GraphStore {

  private static final Query SAMPLE_HEADLINE =
      QueryFactory.create("SELECT ?h WHERE { ?a <http://schema.org/headline> ?h } LIMIT 1");
  private static final Query TEXT_PROBE =
      QueryFactory.create(
          "PREFIX text: <http://jena.apache.org/text#>\nPREFIX schema: <http://schema.org/>\n"
              + "SELECT ?a { ?a text:query (schema:headline schema:description ?q 1) } LIMIT 1");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private static final Query ALL_QUADS =
      QueryFactory.create("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
  private static final Var G = Var.alloc("g");
  private static final Var S = Var.alloc("s");
  private static final Var P = Var.alloc("p");
  private static final Var O = Var.alloc("o");
  private static final Query FIND =
      QueryFactory.create("SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }");

  private final RemoteEndpoint endpoint;
  private final HttpClient http;
  private final Retry retry;
  private final RemoteDefaultGraph defaultGraph;
  private volatile RemoteQuirks.Engine engine;
  private volatile boolean postRefused;

  /** A store on an endpoint. Nothing is contacted until the first call. */
  public RemoteStore(RemoteEndpoint endpoint) {
    this.endpoint = endpoint;
    this.http =
        new RemoteQuirks.CutWatch(
            HttpClient.newBuilder()
                .connectTimeout(endpoint.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(),
            "the SPARQL endpoint " + endpoint.queryUrl());
    this.retry = new Retry(endpoint.attempts(), endpoint.firstBackoff());
    this.defaultGraph =
        new RemoteDefaultGraph(
            describe(),
            sample ->
                send(
                    sample,
                    BindingFactory.empty(),
                    exec -> {
                      RowSet rows = exec.select();
                      if (!rows.hasNext()) {
                        return null;
                      }
                      Binding row = rows.next();
                      return new Node[] {row.get(S), row.get(P), row.get(O)};
                    }),
            ask -> send(ask, BindingFactory.empty(), QueryExec::ask));
  }

  @Override
  public void replaceGraphs(Collection<GraphContent> graphs) {
    writes().write(graphs, List.of(), List.of());
  }

  @Override
  public void deleteGraphs(Collection<Node> graphs) {
    writes().write(List.of(), graphs, List.of());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sent as SPARQL Update requests of many graphs each, the metadata with the last ({@link
   * RemoteWrites}): a batch within the request size limit is one request.
   */
  @Override
  public void apply(StoreBatch batch) {
    RemoteWrites writes = writes();
    writes.write(
        batch.replace(),
        batch.delete(),
        quirks() == RemoteQuirks.Engine.FUSEKI
            ? RemoteWrites.compactMetadata(
                batch.metaGraph(), batch.metaSubjects(), batch.metaTriples())
            : RemoteWrites.metadataOperations(
                batch.metaGraph(), batch.metaSubjects(), batch.metaTriples()),
        batch.restorable());
  }

  /**
   * The writer of one batch, with the request size limit of this store's engine; it posts quads
   * where the engine takes them and has not refused a post.
   */
  private RemoteWrites writes() {
    RemoteQuirks.Engine quirks = quirks();
    return new RemoteWrites(
        new RemoteWrites.Sender() {
          @Override
          public void send(String what, String update) {
            sendUpdate(what, update);
          }

          @Override
          public boolean post(String what, String trig) {
            return postQuads(what, trig);
          }
        },
        quirks.maxRequestBytes(endpoint),
        quirks.maxGraphs(),
        describe(),
        endpoint.attempts(),
        quirks.takesPostedQuads() && !postRefused);
  }

  /** {@inheritDoc} The engine is asked once, at the first request that needs it. */
  @Override
  public Optional<String> dialect() {
    return Optional.ofNullable(quirks().dialect());
  }

  /** What kind of engine the endpoint is, asked once (before the first write). */
  private RemoteQuirks.Engine quirks() {
    RemoteQuirks.Engine known = engine;
    if (known == null) {
      known = RemoteQuirks.engine(http, endpoint);
      engine = known;
    }
    return known;
  }

  /** Posts one SPARQL Update request, with retries. */
  private void sendUpdate(String what, String update) {
    post(what, endpoint.updateUrl(), "application/sparql-update; charset=utf-8", update);
  }

  /**
   * Posts quads as TriG to the dataset's Graph Store Protocol URL, with retries; false (once and
   * for all) when the endpoint answers that it takes no such post there (404, 405, 415, 501: no
   * Graph Store Protocol service at that URL, or one that is read-only or takes no quads).
   */
  private boolean postQuads(String what, String trig) {
    try {
      post(what, endpoint.gspUrl(), "application/trig; charset=utf-8", trig);
      return true;
    } catch (RemoteRefusedException e) {
      int status = e.status();
      if (status == 404 || status == 405 || status == 415 || status == 501) {
        postRefused = true;
        return false;
      }
      throw e;
    }
  }

  /** Posts a body to a URL, with retries. */
  private void post(String what, String url, String contentType, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    retry.run(
        what + " at " + url,
        () -> {
          HttpRequest.Builder request =
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(endpoint.timeout())
                  .header("Content-Type", contentType)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body));
          if (endpoint.authorization() != null) {
            request.header("Authorization", endpoint.authorization());
          }
          HttpResponse<String> response;
          try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
          } catch (IOException e) {
            throw new HttpException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException(e);
          }
          int status = response.statusCode();
          if (status < 200 || status > 299) {
            throw new HttpException(status, RemoteQuirks.errorLine(response.body()));
          }
          return null;
        });
  }

  @Override
  public void findInGraph(
      Node graph, Node subject, Node predicate, Node object, BiConsumer<Node, Node> sink) {
    BindingBuilder bound = Binding.builder();
    bound.add(G, graph).add(P, predicate);
    if (!Node.ANY.equals(subject)) {
      bound.add(S, subject);
    }
    if (!Node.ANY.equals(object)) {
      bound.add(O, object);
    }
    query(
        FIND,
        bound.build(),
        exec -> {
          exec.select()
              .forEachRemaining(
                  row ->
                      sink.accept(
                          row.contains(S) ? row.get(S) : subject,
                          row.contains(O) ? row.get(O) : object));
          return null;
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>A query that reads the default graph is adapted to what the store's default graph is (see
   * {@link RemoteDefaultGraph}), found out at the first such query.
   *
   * @throws RemoteUnsupportedException when the store cannot show the union of its named graphs
   */
  @Override
  public <T> T query(Query query, Binding substitution, Function<QueryExec, T> handler) {
    return send(defaultGraph.adapt(query), substitution, handler);
  }

  /** Sends a query as it is, with retries. */
  private <T> T send(Query query, Binding substitution, Function<QueryExec, T> handler) {
    Query sent = boundAsTrue(query, substitution);
    return retry.run(
        "query at " + endpoint.queryUrl(),
        () -> {
          QueryExecHTTPBuilder b =
              QueryExecHTTPBuilder.service(endpoint.queryUrl())
                  .httpClient(http)
                  .query(sent)
                  .sendMode(RemoteQuirks.SEND_MODE)
                  .substitution(substitution)
                  .timeout(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
          try (QueryExec exec = authQuery(b).build()) {
            return handler.apply(
                sent.isAskType()
                    ? new RemoteQuirks.AskExec(
                        exec,
                        () ->
                            RemoteQuirks.ask(
                                http, endpoint, exec.getQueryString(), endpoint.authorization()))
                    : exec);
          }
        });
  }

  @Override
  public void exportQuads(Node graph, StreamRDF sink) {
    Binding binding = graph == null ? BindingFactory.empty() : BindingFactory.binding(G, graph);
    query(
        ALL_QUADS,
        binding,
        exec -> {
          RowSet rows = exec.select();
          while (rows.hasNext()) {
            Binding row = rows.next();
            Node g = graph != null ? graph : row.get(G);
            sink.quad(Quad.create(g, row.get("s"), row.get("p"), row.get("o")));
          }
          return null;
        });
  }

  /**
   * The query with {@code BOUND(?v)} replaced by {@code true} for each variable the substitution
   * binds. A remote query's substitution is made in the query text, where {@code BOUND(<iri>)} is a
   * syntax error (an optional parameter tested with {@code !BOUND(?topic)}); a local one binds the
   * variable, so that {@code BOUND} is true.
   */
  static Query boundAsTrue(Query query, Binding substitution) {
    if (substitution.isEmpty()) {
      return query;
    }
    return QueryTransformOps.transform(
        query,
        new ElementTransformCopyBase(),
        new ExprTransformCopy() {
          @Override
          public Expr transform(ExprFunction1 function, Expr argument) {
            if (function instanceof E_Bound
                && argument.isVariable()
                && substitution.contains(argument.asVar())) {
              return NodeValue.TRUE;
            }
            return super.transform(function, argument);
          }
        });
  }

  /**
   * Asks the endpoint: takes one headline it holds and searches for its longest word with {@code
   * text:query}, as the {@code search} query does. A store without jena-text reads {@code
   * text:query} as a plain predicate and finds nothing; one whose index does not cover headlines
   * and excerpts finds nothing either, and a Fuseki with jena-text but no index on this dataset
   * answers one row with nothing bound. A store with no headline has nothing to find, so it counts
   * as having an index.
   */
  @Override
  public boolean hasTextIndex() {
    String headline =
        query(
            SAMPLE_HEADLINE,
            BindingFactory.empty(),
            exec -> {
              RowSet rows = exec.select();
              return rows.hasNext() ? rows.next().get("h").getLiteralLexicalForm() : null;
            });
    if (headline == null) {
      return true;
    }
    String word = null;
    Matcher words = WORD.matcher(headline);
    while (words.find()) {
      if (word == null || words.group().length() > word.length()) {
        word = words.group();
      }
    }
    if (word == null) {
      return true;
    }
    Binding probe =
        BindingFactory.binding(
            Var.alloc("q"), NodeFactory.createLiteralString(word.toLowerCase(Locale.ROOT)));
    return query(
        TEXT_PROBE,
        probe,
        exec -> {
          RowSet rows = exec.select();
          Node hit = rows.hasNext() ? rows.next().get("a") : null;
          return hit != null && hit.isURI();
        });
  }

  @Override
  public String describe() {
    return "remote store at " + endpoint.gspUrl();
  }

  @Override
  public boolean remote() {
    return true;
  }

  @Override
  public void close() {
    // The JDK HttpClient of Java 17 has no close; its threads are daemons.
  }

  private QueryExecHTTPBuilder authQuery(QueryExecHTTPBuilder b) {
    return endpoint.authorization() == null
        ? b
        : b.httpHeader("Authorization", endpoint.authorization());
  }

  /** Runs a request with retries; used by every call. */
  static final class Retry {
    private final int attempts;
    private final java.time.Duration backoff;

    Retry(int attempts, java.time.Duration backoff) {
      this.attempts = attempts;
      this.backoff = backoff;
    }

    <T> T run(String what, Supplier<T> request) {
      long wait = backoff.toMillis();
      for (int attempt = 1; ; attempt++) {
        try {
          return request.get();
        } catch (HttpException e) {
          rethrowOwn(e);
          if (!isTransient(e.getStatusCode()) || attempt >= attempts) {
            throw failure(what, e.getStatusCode(), e.getStatusLine(), e);
          }
        } catch (QueryExceptionHTTP e) {
          rethrowOwn(e);
          if (!isTransient(e.getStatusCode()) || attempt >= attempts) {
            throw failure(what, e.getStatusCode(), e.getStatusLine(), e);
          }
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreException(what + " interrupted", e);
        }
        wait *= 2;
      }
    }

    /**
     * Throws the {@link StoreException} that newsgraph's own HTTP client raised inside a request (a
     * result cut at a server's row cap, {@link RemoteQuirks.CutWatch}), which Jena wraps as a
     * connection failure: it is the answer, not a fault to retry or to call "cannot connect".
     */
    private static void rethrowOwn(RuntimeException e) {
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof StoreException own) {
          throw own;
        }
      }
    }

    private static boolean isTransient(int status) {
      return status <= 0 || status == 401 || status == 408 || status == 429 || status >= 500;
    }

    private static StoreException failure(
        String what, int status, String statusLine, RuntimeException e) {
      if (status <= 0) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return new StoreException(
            what
                + " failed: cannot connect ("
                + cause.getClass().getSimpleName()
                + (cause.getMessage() != null ? ": " + cause.getMessage() : "")
                + ")",
            e);
      }
      return new RemoteRefusedException(
          what + " failed: HTTP " + status + (statusLine != null ? " " + statusLine : ""),
          status,
          e);
    }
  }
}
