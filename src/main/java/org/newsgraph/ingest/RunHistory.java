package org.newsgraph.ingest;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;

/**
 * The query that lists the last ingest runs recorded in the metadata graph, newest first: start,
 * end (empty for a run that did not finish) and its counts.
 */
public final class RunHistory {

  /** The runs; bind {@code ?meta} with {@link #binding(Provenance)}; LIMIT 10. */
  public static final Query QUERY =
      QueryFactory.create(
          """
      PREFIX prov: <http://www.w3.org/ns/prov#>
      PREFIX news: <https://w3id.org/newsgraph/ns#>
      SELECT (STR(?start) AS ?started) (STR(?end) AS ?ended) ?read ?added ?replaced ?unchanged ?failed ?removed WHERE {
        GRAPH ?meta {
          ?run a news:IngestRun ; prov:startedAtTime ?start .
          OPTIONAL { ?run prov:endedAtTime ?end }
          OPTIONAL { ?run news:filesRead ?read }
          OPTIONAL { ?run news:graphsAdded ?added }
          OPTIONAL { ?run news:graphsReplaced ?replaced }
          OPTIONAL { ?run news:filesUnchanged ?unchanged }
          OPTIONAL { ?run news:filesFailed ?failed }
          OPTIONAL { ?run news:graphsRemoved ?removed }
        }
      } ORDER BY DESC(?start) LIMIT 10
      """);

  private RunHistory() {}

  /** Binds the metadata graph of a provenance. */
  public static Binding binding(Provenance provenance) {
    return BindingFactory.binding(Var.alloc("meta"), provenance.metaGraph());
  }
}
