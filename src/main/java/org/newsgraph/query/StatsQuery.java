package org.newsgraph.query;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;

/**
 * The counts {@code stats} reports, as one query. Each count aggregates in its own subquery so that
 * no count multiplies another (the union-default-graph trap of DESIGN.md §7).
 */
public final class StatsQuery {

  /** One row: articles, providers, topics, links, graphs, quads. */
  public static final Query QUERY = QueryFactory.create("""
      PREFIX news: <https://w3id.org/newsgraph/ns#>
      SELECT ?articles ?providers ?topics ?links ?graphs ?quads WHERE {
        { SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE { ?a a news:Article } }
        { SELECT (COUNT(DISTINCT ?p) AS ?providers) WHERE { ?p a news:Provider } }
        { SELECT (COUNT(DISTINCT ?t) AS ?topics) WHERE { ?t a news:Topic } }
        { SELECT (COUNT(*) AS ?links) WHERE { SELECT DISTINCT ?x ?y WHERE { ?x news:related ?y } } }
        { SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { } } }
        { SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } } }
      }
      """);

  private StatsQuery() {}
}
