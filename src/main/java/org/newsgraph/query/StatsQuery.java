package org.newsgraph.query;

import java.util.Optional;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.newsgraph.vocab.IriFactory;
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

  /**
   * The same counts in the form sent to Virtuoso ({@link org.newsgraph.store.GraphStore#dialect()}
   * {@code virtuoso}), whose default graph is a bag: a triple stated in several named graphs is
   * matched once per graph, so each count of things and links is a count of DISTINCT terms (held in
   * the server's memory). Its store also holds graphs of its own (the RDF views' graph, among
   * others), so graphs and quads are counted in the graphs named under the base IRI, {@code ?base}
   * (a string), which is where newsgraph names every graph it writes. {@code GRAPH ?g { }} matches
   * once there, so the graphs are the distinct names of graphs with a triple.
   */
  static final Query VIRTUOSO =
      QueryFactory.create(
          "PREFIX news: <"
              + NewsVocab.NS
              + ">\n"
              + """
      SELECT ?articles ?providers ?topics ?links ?inferred ?copies ?graphs ?quads WHERE {
        { SELECT (COUNT(DISTINCT ?a) AS ?articles) WHERE { ?a a news:Article } }
        { SELECT (COUNT(DISTINCT ?p) AS ?providers) WHERE { ?p a news:Provider } }
        { SELECT (COUNT(DISTINCT ?t) AS ?topics) WHERE { ?t a news:Topic } }
        { SELECT (COUNT(*) AS ?links) WHERE { SELECT DISTINCT ?x ?y WHERE { ?x news:related ?y } } }
        { SELECT (COUNT(*) AS ?inferred) WHERE {
            SELECT DISTINCT ?x ?y WHERE { ?x news:sameStory ?y FILTER (STR(?x) < STR(?y)) } } }
        { SELECT (COUNT(*) AS ?copies) WHERE { SELECT DISTINCT ?x ?y WHERE { ?x news:copyOf ?y } } }
        { SELECT (COUNT(DISTINCT ?g) AS ?graphs) WHERE {
            GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), ?base)) } }
        { SELECT (COUNT(*) AS ?quads) WHERE {
            GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), ?base)) } }
      }
      """);

  private StatsQuery() {}

  /**
   * The counts' query for a store of a dialect, with what it binds.
   *
   * @param dialect the store's dialect, or empty for standard SPARQL
   * @param iris the data's base IRI
   */
  public static PreparedQuery forDialect(Optional<String> dialect, IriFactory iris) {
    if (dialect.filter("virtuoso"::equals).isPresent()) {
      return new PreparedQuery(
          VIRTUOSO,
          BindingFactory.binding(Var.alloc("base"), NodeFactory.createLiteralString(iris.base())));
    }
    return new PreparedQuery(QUERY, BindingFactory.empty());
  }
}
