package org.newsgraph.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL Protocol query operation with newsgraph's limits: every query runs under the
 * server's timeout, SELECT results are capped (the cap signalled by {@link
 * ServeSettings#TRUNCATED_HEADER}), federated {@code SERVICE} is refused before execution (and
 * disabled in the execution context as a second guard), and a plain GET without a query answers
 * with the service description. Thread-safe.
 */
final class SafeQueryProcessor extends SPARQL_QueryDataset {

  private final ServeSettings settings;
  private final RowCap cap;
  private final ServiceDescription description;

  SafeQueryProcessor(ServeSettings settings, ServiceDescription description) {
    this.settings = settings;
    this.cap = new RowCap(settings.maxRows());
    this.description = description;
  }

  @Override
  public void execGet(HttpAction action) {
    if (action.getRequestParameter(HttpNames.paramQuery) == null
        && action.getRequestParameter(HttpNames.paramQueryRef) == null) {
      sendDescription(action);
      return;
    }
    super.execGet(action);
  }

  @Override
  protected void validateQuery(HttpAction action, Query query) {
    super.validateQuery(action, query);
    if (query.getQueryPattern() != null && usesService(query)) {
      ServletOps.errorBadRequest("SERVICE (federated query) is disabled on this endpoint");
    }
  }

  @Override
  protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
    return QueryExec.newBuilder()
        .dataset(dataset)
        .query(cap.limit(query))
        .context(action.getContext())
        .set(ARQ.httpServiceAllowed, false)
        .overallTimeout(timeoutMillis(action), TimeUnit.MILLISECONDS)
        .build();
  }

  /**
   * The server's timeout, or the client's {@code timeout} parameter (seconds, as in Fuseki) when
   * that is shorter: a client may ask for less time, never for more.
   */
  private long timeoutMillis(HttpAction action) {
    long limit = settings.timeout().toMillis();
    String asked = action.getRequestParameter("timeout");
    if (asked == null) {
      return limit;
    }
    try {
      long millis = (long) (Double.parseDouble(asked.strip()) * 1000);
      return millis > 0 ? Math.min(millis, limit) : limit;
    } catch (NumberFormatException e) {
      ServletOps.errorBadRequest("timeout must be a number of seconds, not '" + asked + "'");
      return limit;
    }
  }

  @Override
  protected QueryExecResult executeQuery(
      HttpAction action, QueryExec exec, Query query, String log) {
    try {
      return super.executeQuery(action, exec, query, log);
    } catch (QueryCancelledException e) {
      throw timedOut();
    }
  }

  @Override
  protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
    if (!result.isRowSet()) {
      super.sendResults(action, result, prologue);
      return;
    }
    RowCap.Capped capped;
    try {
      capped = cap.read(result.rowSet());
    } catch (QueryCancelledException e) {
      throw timedOut();
    }
    if (capped.truncated()) {
      action.setResponseHeader(ServeSettings.TRUNCATED_HEADER, Integer.toString(cap.maxRows()));
    }
    super.sendResults(action, new QueryExecResult(capped.rows()), prologue);
  }

  /**
   * The 503 a client sees for a cancelled query, naming the limit so it can tell why. The cause is
   * dropped on purpose: Fuseki would log its stack trace, and a timeout is an expected outcome.
   */
  private ActionErrorException timedOut() {
    return new ActionErrorException(
        HttpSC.SERVICE_UNAVAILABLE_503,
        "Query timed out: cancelled at its time limit (this server allows at most "
            + settings.timeout().toSeconds()
            + " s)",
        null);
  }

  private void sendDescription(HttpAction action) {
    MediaType type = ActionLib.contentNegotationRDF(action);
    Lang lang = RDFLanguages.contentTypeToLang(type.getContentTypeStr());
    String endpoint = action.getRequestRequestURL();
    ActionLib.graphResponse(action, description.graph(endpoint), lang == null ? Lang.TURTLE : lang);
    ServletOps.success(action);
  }

  /** Whether the query has a SERVICE anywhere: subqueries and EXISTS filters included. */
  static boolean usesService(Query query) {
    List<OpService> services = new ArrayList<>();
    Op op = Algebra.compile(query);
    // The walker enters the graph patterns of EXISTS and NOT EXISTS through the expression visitor.
    Walker.walk(
        op,
        new OpVisitorBase() {
          @Override
          public void visit(OpService service) {
            services.add(service);
          }
        },
        new ExprVisitorBase());
    return !services.isEmpty();
  }
}
