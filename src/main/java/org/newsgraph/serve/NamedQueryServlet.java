package org.newsgraph.serve;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.system.Txn;
import org.newsgraph.query.NamedQuery;
import org.newsgraph.query.ParamBinder;
import org.newsgraph.query.ParamException;
import org.newsgraph.query.PreparedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryException;
import org.newsgraph.store.Tdb2Store;

/**
 * The named query catalog as plain HTTP: {@code GET /q} lists the queries and their parameters as
 * JSON; {@code GET /q/NAME?param=value} runs one, with the same content negotiation, timeout and
 * row cap as the SPARQL endpoint. Parameter values are bound as RDF terms, never spliced into text.
 * The {@code format} parameter (json, xml, csv, tsv; turtle, nt, jsonld, rdfxml) overrides {@code
 * Accept}. Thread-safe.
 */
final class NamedQueryServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String FORMAT_PARAM = "format";

  private final transient DatasetGraph dataset;
  private final transient QueryCatalog catalog;
  private final transient ParamBinder binder;
  private final transient ServeSettings settings;
  private final transient RowCap cap;

  NamedQueryServlet(
      DatasetGraph dataset, QueryCatalog catalog, ParamBinder binder, ServeSettings settings) {
    this.dataset = dataset;
    this.catalog = catalog;
    this.binder = binder;
    this.settings = settings;
    this.cap = new RowCap(settings.maxRows());
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path = request.getPathInfo();
    String name = path == null ? "" : path.replaceFirst("^/", "");
    if (name.isEmpty()) {
      sendText(response, HttpServletResponse.SC_OK, "application/json", CatalogJson.write(catalog));
      return;
    }
    NamedQuery query = catalog.get(name);
    if (query == null) {
      sendText(
          response,
          HttpServletResponse.SC_NOT_FOUND,
          "text/plain",
          "no named query '" + name + "'; GET /q lists them\n");
      return;
    }
    try {
      // The server serves the embedded store: the form written for it (QueryCatalog, "tdb2").
      NamedQuery form = catalog.get(name, Optional.of(Tdb2Store.DIALECT));
      PreparedQuery prepared = binder.prepare(form, params(request, form));
      run(prepared.query(), prepared.binding(), request, response);
    } catch (ParamException e) {
      sendText(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "text/plain",
          e.message((param, value) -> "?" + param + "=" + value) + "\n");
    } catch (QueryException e) {
      sendText(response, HttpServletResponse.SC_BAD_REQUEST, "text/plain", e.getMessage() + "\n");
    } catch (QueryCancelledException e) {
      sendText(
          response,
          HttpServletResponse.SC_SERVICE_UNAVAILABLE,
          "text/plain",
          "query cancelled: it ran longer than the server's timeout of "
              + settings.timeout().toSeconds()
              + " s\n");
    }
  }

  /** The request's parameters, minus {@code format} unless the query itself declares one. */
  private static Map<String, String> params(HttpServletRequest request, NamedQuery query) {
    Map<String, String> values = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (key, given) -> {
              if (key.equals(FORMAT_PARAM) && query.param(FORMAT_PARAM) == null) {
                return;
              }
              if (given.length != 1) {
                throw new QueryException(
                    "parameter '" + key + "' given " + given.length + " times; give it once");
              }
              values.put(key, given[0]);
            });
    return values;
  }

  private void run(
      Query query, Binding binding, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String accept = request.getHeader("Accept");
    String format = request.getParameter(FORMAT_PARAM);
    Lang lang =
        query.isSelectType() || query.isAskType()
            ? ResultNegotiator.table(accept, format)
            : ResultNegotiator.graph(accept, format);
    if (lang == null) {
      sendText(
          response,
          HttpServletResponse.SC_NOT_ACCEPTABLE,
          "text/plain",
          "no result syntax matches Accept '" + accept + "' / format '" + format + "'\n");
      return;
    }
    Txn.executeRead(
        dataset,
        () -> {
          try (QueryExec exec =
              QueryExec.dataset(dataset)
                  .query(cap.limit(query))
                  .substitution(binding)
                  .set(ARQ.httpServiceAllowed, false)
                  .overallTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                  .build()) {
            write(query, exec, lang, response);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  /** Computes the whole (capped) result before the status line, so a timeout is still a 503. */
  private void write(Query query, QueryExec exec, Lang lang, HttpServletResponse response)
      throws IOException {
    if (query.isSelectType()) {
      RowCap.Capped capped = cap.read(exec.select());
      if (capped.truncated()) {
        response.setHeader(ServeSettings.TRUNCATED_HEADER, Integer.toString(cap.maxRows()));
      }
      startOk(response, lang);
      ResultSetMgr.write(response.getOutputStream(), ResultSet.adapt(capped.rows()), lang);
    } else if (query.isAskType()) {
      boolean answer = exec.ask();
      startOk(response, lang);
      ResultsWriter.create().lang(lang).write(response.getOutputStream(), answer);
    } else {
      Graph graph = query.isConstructType() ? exec.construct() : exec.describe();
      graph.getPrefixMapping().setNsPrefixes(query.getPrefixMapping());
      startOk(response, lang);
      RDFDataMgr.write(response.getOutputStream(), graph, lang);
    }
  }

  private static void startOk(HttpServletResponse response, Lang lang) {
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(lang.getContentType().getContentTypeStr());
    response.setCharacterEncoding("UTF-8");
  }

  private static void sendText(HttpServletResponse response, int status, String type, String body)
      throws IOException {
    response.setStatus(status);
    response.setContentType(type);
    response.setCharacterEncoding("UTF-8");
    try (OutputStream out = response.getOutputStream()) {
      out.write(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
