package org.newsgraph.query;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The counts {@code stats} reports, as one query. Each count aggregates in its own subquery so that
 * no count multiplies another: counted in one group, every match of one pattern would pair with
 * every match of the others (ARCHITECTURE.md, "Queries over the union default graph").
 *
 * <p>No count says DISTINCT, and none needs to: the default graph is the union of the named graphs,
 * an RDF graph and so a set of triples, in which an article described by several records has its
 * {@code a news:Article} triple once; and {@code GRAPH ?g { }} gives each named graph once. A
 * DISTINCT would make the engine hold every article in memory (1.6 million at a million records,
 * more than a 1 GB heap), where counting streams: TDB2 merges the union's duplicates as they come,
 * adjacent in its indexes.
 */
public final class StatsQuery {

  /**
   * One row: articles, providers, topics, links (the records' related links), inferred (same-story
   * pairs inferred from text, each pair once), copies (inferred copies), graphs, quads.
   */
  public static final Query QUERY =
      QueryFactory.create(
          "PREFIX news: <"
              + NewsVocab.NS
              + ">\n"
              + """
      SELECT ?articles ?providers ?topics ?links ?inferred ?copies ?graphs ?quads WHERE {
        { SELECT (COUNT(*) AS ?articles) WHERE { ?a a news:Article } }
        { SELECT (COUNT(*) AS ?providers) WHERE { ?p a news:Provider } }
        { SELECT (COUNT(*) AS ?topics) WHERE { ?t a news:Topic } }
        { SELECT (COUNT(*) AS ?links) WHERE { ?x news:related ?y } }
        { SELECT (COUNT(*) AS ?inferred) WHERE { ?x news:sameStory ?y FILTER (STR(?x) < STR(?y)) } }
        { SELECT (COUNT(*) AS ?copies) WHERE { ?x news:copyOf ?y } }
        { SELECT (COUNT(*) AS ?graphs) WHERE { GRAPH ?g { } } }
        { SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } } }
      }
      """);

  private StatsQuery() {}
}
