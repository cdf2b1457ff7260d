package org.newsgraph.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.sparql.resultset.SPARQLResult;
import org.apache.jena.sparql.util.Context;

/**
 * The engines' departures from the SPARQL 1.1 protocol that newsgraph works around, in one place.
 *
 * <ul>
 *   <li><b>Long queries go as an HTML form.</b> Jena posts a query too long for a URL as a body of
 *       type {@code application/sparql-query}; Virtuoso 7.2 never answers such a request (the
 *       client times out). Every engine takes the form ({@code query=...}, {@code
 *       application/x-www-form-urlencoded}), which the protocol defines too: {@link #SEND_MODE}.
 *   <li><b>An ASK may be answered as a table.</b> Virtuoso answers some ASK queries with a result
 *       set of one column, {@code __ASK_RETVAL}: no row for false, or one row of 1 or 0, where the
 *       protocol asks for a boolean result; Jena's client then fails ("Not a boolean result").
 *       {@link #ask} takes either shape.
 *   <li><b>Write requests are cut to what the engine parses.</b> A large graph is written in blocks
 *       of at most {@link #MAX_TRIPLES_PER_BLOCK} triples, and a request to Virtuoso carries fewer
 *       graphs and bytes ({@link Engine#VIRTUOSO}); the engine is told by the headers of its answer
 *       to a plain GET of the update URL ({@link #engine}).
 *   <li><b>Fuseki parses TriG much faster than SPARQL Update.</b> Graphs whose loss a re-run
 *       repairs are posted to it as TriG after one update that drops them ({@link Engine#FUSEKI}).
 *   <li><b>Virtuoso answers some queries wrongly in their standard form.</b> Its default graph
 *       repeats a triple once per graph that states it, it does not parse LATERAL, and it gets some
 *       nested aggregates, paths and expressions wrong: it is sent forms written for it, named by
 *       its {@link Engine#dialect()} ({@code query.QueryCatalog}, {@code query.StatsQuery}).
 * </ul>
 */
final class RemoteQuirks {

  /** How queries are sent: GET while the URL is short, else a form POST. */
  static final QuerySendMode SEND_MODE = QuerySendMode.asGetWithLimitForm;

  private static final String ACCEPT_ASK =
      "application/sparql-results+json, application/sparql-results+xml;q=0.9";

  private RemoteQuirks() {}

  /**
   * The header by which {@code newsgraph serve} says that it cut a result at its row cap (the same
   * as {@code serve.ServeSettings.TRUNCATED_HEADER}, which this package cannot import).
   */
  static final String TRUNCATED_HEADER = "Newsgraph-Results-Truncated";

  /**
   * An HTTP client that fails every response carrying {@link #TRUNCATED_HEADER} with a {@link
   * StoreException} naming the cap, before the caller reads the body; the rest is its delegate's.
   */
  static final class CutWatch extends HttpClient {
    private final HttpClient delegate;
    private final String where;

    CutWatch(HttpClient delegate, String where) {
      this.delegate = delegate;
      this.where = where;
    }

    private <T> HttpResponse<T> checked(HttpResponse<T> response) {
      java.util.Optional<String> cut = response.headers().firstValue(TRUNCATED_HEADER);
      if (cut.isPresent()) {
        if (response.body() instanceof java.io.Closeable body) {
          try {
            body.close();
          } catch (IOException e) {
            // The failure below is what matters.
          }
        }
        throw new StoreException(
            where
                + " cut the answer at "
                + cut.get()
                + " rows (newsgraph serve --max-rows), so it is not read: stop the server and"
                + " run the command on the store, or serve with a higher --max-rows");
      }
      return response;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      return checked(delegate.send(request, handler));
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request, HttpResponse.BodyHandler<T> handler) {
      return delegate.sendAsync(request, handler).thenApply(this::checked);
    }

    @Override
    public <T> java.util.concurrent.CompletableFuture<HttpResponse<T>> sendAsync(
        HttpRequest request,
        HttpResponse.BodyHandler<T> handler,
        HttpResponse.PushPromiseHandler<T> push) {
      return delegate.sendAsync(request, handler, push).thenApply(this::checked);
    }

    @Override
    public java.util.Optional<java.net.CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public java.util.Optional<java.time.Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public java.util.Optional<java.net.ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public javax.net.ssl.SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public javax.net.ssl.SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public java.util.Optional<java.net.Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public java.util.Optional<java.util.concurrent.Executor> executor() {
      return delegate.executor();
    }
  }

  /**
   * The most triples written in one {@code GRAPH <g> { ... }} block of an {@code INSERT DATA}; a
   * larger graph is written in several blocks of the same request. Virtuoso 7.2's SPARQL parser
   * runs out of memory on one block of about 5,000 triples ("SP030: SPARQL compiler ... memory
   * exhausted"), whatever the request's size; other engines do not mind.
   */
  static final int MAX_TRIPLES_PER_BLOCK = 2000;

  /** The engines whose writes newsgraph adapts to. */
  enum Engine {
    /** Any engine that takes SPARQL 1.1 Update as the protocol has it (Fuseki, GraphDB, ...). */
    STANDARD(Long.MAX_VALUE, Integer.MAX_VALUE, null),
    /**
     * OpenLink Virtuoso 7.2 compiles an update request into SQL and refuses one whose SQL exceeds
     * 10,000 lines ("SP031: ... The length of generated SQL text has exceeded 10000 lines of
     * code"): 1,200 graphs of a request failed so, 800 passed, whatever their size. It also
     * answered a 17 MB request with HTTP 500. Requests to it carry at most {@value
     * RemoteQuirks#VIRTUOSO_MAX_GRAPHS} graphs and {@value RemoteQuirks#VIRTUOSO_MAX_REQUEST_BYTES}
     * bytes.
     */
    VIRTUOSO(VIRTUOSO_MAX_REQUEST_BYTES, VIRTUOSO_MAX_GRAPHS, "virtuoso"),
    /**
     * Apache Jena Fuseki (told by its {@code Fuseki-Request-Id} header). Its SPARQL Update parser
     * (JavaCC) spent more than half of the server's time of a remote ingest on the text of {@code
     * INSERT DATA}, where its RDF parser reads the same triples as TriG several times faster: the
     * graphs of a batch whose re-run repairs a lost write are dropped with one update and posted as
     * TriG to the dataset's Graph Store Protocol URL ({@link RemoteWrites}).
     */
    FUSEKI(Long.MAX_VALUE, Integer.MAX_VALUE, null);

    private final long bytesCap;
    private final int graphsCap;
    private final String dialect;

    Engine(long bytesCap, int graphsCap, String dialect) {
      this.bytesCap = bytesCap;
      this.graphsCap = graphsCap;
      this.dialect = dialect;
    }

    /**
     * The dialect whose forms of newsgraph's queries the engine is sent ({@link
     * GraphStore#dialect()}), or null for the standard forms. Virtuoso 7.2 answers some standard
     * forms wrongly or not at all: its default graph matches a triple once per named graph that
     * states it, it does not parse LATERAL, and it mis-evaluates or fails on some nested
     * aggregates, zero-or-more paths and expressions (the forms' files say which and how).
     */
    String dialect() {
      return dialect;
    }

    /** True when the engine takes quads (TriG) posted to its dataset's Graph Store Protocol URL. */
    boolean takesPostedQuads() {
      return this == FUSEKI;
    }

    /** The largest write request for this engine: the endpoint's limit, lowered where needed. */
    long maxRequestBytes(RemoteEndpoint endpoint) {
      return Math.min(endpoint.maxRequestBytes(), bytesCap);
    }

    /** The most graphs one write request carries. */
    int maxGraphs() {
      return graphsCap;
    }
  }

  /** The most bytes of one write request sent to Virtuoso. */
  static final long VIRTUOSO_MAX_REQUEST_BYTES = 4L << 20;

  /** The most graphs of one write request sent to Virtuoso. */
  static final int VIRTUOSO_MAX_GRAPHS = 500;

  /**
   * Which engine serves the endpoint, from the headers of its answer to a GET of the update URL
   * (whatever its status): Virtuoso names itself in {@code Server}, Fuseki sends {@code
   * Fuseki-Request-Id}; {@link Engine#STANDARD} when it names no known engine or does not answer
   * (the write that follows then reports the failure).
   */
  static Engine engine(HttpClient http, RemoteEndpoint endpoint) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint.updateUrl())).timeout(endpoint.timeout()).GET();
    if (endpoint.authorization() != null) {
      request.header("Authorization", endpoint.authorization());
    }
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      String server = response.headers().firstValue("Server").orElse("");
      if (server.toLowerCase(java.util.Locale.ROOT).contains("virtuoso")) {
        return Engine.VIRTUOSO;
      }
      return response.headers().firstValue("Fuseki-Request-Id").isPresent()
          ? Engine.FUSEKI
          : Engine.STANDARD;
    } catch (IOException e) {
      return Engine.STANDARD;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Engine.STANDARD;
    }
  }

  /**
   * The status line of a refused request for messages: the status and the first line of the
   * engine's explanation (Fuseki and Virtuoso answer an error with a plain-text body), or null when
   * there is none or it is an HTML page.
   */
  static String errorLine(String body) {
    String text = body == null ? "" : body.strip();
    if (text.startsWith("<")) {
      return null;
    }
    String first = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (first.length() > 300) {
      first = first.substring(0, 300) + "...";
    }
    return first.isEmpty() ? null : first;
  }

  /**
   * Sends an ASK query as a form POST and reads the answer: a boolean result, or a result set of
   * one column with no row (false) or one row whose value is a boolean or a number (non-zero for
   * true).
   *
   * @throws HttpException for a connection failure or an HTTP error status (retried by the caller
   *     when transient)
   * @throws StoreException when the answer is neither shape
   */
  static boolean ask(
      HttpClient http, RemoteEndpoint endpoint, String queryString, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(endpoint.queryUrl()))
            .timeout(endpoint.timeout())
            .header("Accept", ACCEPT_ASK)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "query=" + URLEncoder.encode(queryString, StandardCharsets.UTF_8)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new HttpException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpException(e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status < 200 || status > 299) {
        throw new HttpException(status, "HTTP " + status);
      }
      String type = response.headers().firstValue("Content-Type").orElse("");
      Lang lang = RDFLanguages.contentTypeToLang(type.split(";")[0].trim());
      if (lang == null) {
        lang = ResultSetLang.RS_JSON;
      }
      byte[] bytes = body.readAllBytes();
      SPARQLResult result;
      try {
        result = ResultsReader.create().lang(lang).build().readAny(new ByteArrayInputStream(bytes));
      } catch (RuntimeException e) {
        result = null;
      }
      if (result != null) {
        Boolean answer = answer(result);
        if (answer != null) {
          return answer;
        }
      }
      String text = new String(bytes, StandardCharsets.UTF_8).strip();
      throw new StoreException(
          "the SPARQL endpoint "
              + endpoint.queryUrl()
              + " answered an ASK query with neither a boolean nor one row holding one"
              + " boolean or number: "
              + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    } catch (IOException e) {
      throw new HttpException(e);
    }
  }

  /** The truth of an ASK's answer in either shape, or null when it is neither. */
  static Boolean answer(SPARQLResult result) {
    if (result.isBoolean()) {
      return result.getBooleanResult();
    }
    if (result.isResultSet()) {
      RowSet rows = RowSet.adapt(result.getResultSet());
      if (rows.getResultVars().size() == 1 && !rows.hasNext()) {
        return false; // Virtuoso's "no": its one column, no row
      }
      if (rows.getResultVars().size() == 1) {
        Node value = rows.next().get(rows.getResultVars().get(0));
        if (!rows.hasNext() && value != null && value.isLiteral()) {
          String lexical = value.getLiteralLexicalForm().trim();
          if (lexical.equals("true") || lexical.equals("false")) {
            return lexical.equals("true");
          }
          if (lexical.matches("[+-]?[0-9]+")) {
            return !lexical.replaceAll("[+-]?0*", "").isEmpty();
          }
        }
      }
    }
    return null;
  }

  /** An execution whose {@link #ask} goes through {@link RemoteQuirks#ask}; the rest delegate. */
  static final class AskExec implements QueryExec {
    private final QueryExec delegate;
    private final java.util.function.BooleanSupplier ask;

    AskExec(QueryExec delegate, java.util.function.BooleanSupplier ask) {
      this.delegate = delegate;
      this.ask = ask;
    }

    @Override
    public boolean ask() {
      return ask.getAsBoolean();
    }

    @Override
    public DatasetGraph getDataset() {
      return delegate.getDataset();
    }

    @Override
    public Context getContext() {
      return delegate.getContext();
    }

    @Override
    public Query getQuery() {
      return delegate.getQuery();
    }

    @Override
    public String getQueryString() {
      return delegate.getQueryString();
    }

    @Override
    public RowSet select() {
      return delegate.select();
    }

    @Override
    public Graph construct(Graph graph) {
      return delegate.construct(graph);
    }

    @Override
    public Iterator<Triple> constructTriples() {
      return delegate.constructTriples();
    }

    @Override
    public Iterator<Quad> constructQuads() {
      return delegate.constructQuads();
    }

    @Override
    public DatasetGraph constructDataset(DatasetGraph dataset) {
      return delegate.constructDataset(dataset);
    }

    @Override
    public Graph describe(Graph graph) {
      return delegate.describe(graph);
    }

    @Override
    public Iterator<Triple> describeTriples() {
      return delegate.describeTriples();
    }

    @Override
    public JsonArray execJson() {
      return delegate.execJson();
    }

    @Override
    public Iterator<JsonObject> execJsonItems() {
      return delegate.execJsonItems();
    }

    @Override
    public void abort() {
      delegate.abort();
    }

    @Override
    public void close() {
      delegate.close();
    }

    @Override
    public boolean isClosed() {
      return delegate.isClosed();
    }
  }
}
