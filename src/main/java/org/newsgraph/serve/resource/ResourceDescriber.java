package org.newsgraph.serve.resource;

import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.newsgraph.vocab.NewsVocab;

/**
 * Builds the description of one resource from the union of all graphs, like SPARQL DESCRIBE: the
 * resource's own triples, the articles that cite it ({@code news:related} pointing at it), and the
 * labels of every node it links to, so a reader sees names rather than bare IRIs. Thread-safe; each
 * call runs in its own read transaction.
 */
public final class ResourceDescriber {

  /** Predicates that name a node, copied for the nodes a description links to. */
  static final List<Node> LABELS =
      List.of(
          NewsVocab.SCHEMA_HEADLINE,
          NewsVocab.SCHEMA_NAME,
          NewsVocab.SKOS_PREF_LABEL,
          NewsVocab.RDFS_LABEL,
          NewsVocab.DOMAIN);

  private final DatasetGraph dataset;

  /** A describer over a dataset (TDB2 or in memory). */
  public ResourceDescriber(DatasetGraph dataset) {
    this.dataset = dataset;
  }

  /**
   * Describes a resource.
   *
   * @param iri the resource
   * @return its description; empty when the store says nothing about it as a subject
   */
  public Graph describe(Node iri) {
    return Txn.calculateRead(
        dataset,
        () -> {
          Graph union = dataset.getUnionGraph();
          Graph out = GraphFactory.createDefaultGraph();
          union.find(iri, Node.ANY, Node.ANY).forEach(out::add);
          if (out.isEmpty()) {
            return out;
          }
          union.find(Node.ANY, NewsVocab.RELATED, iri).forEach(out::add);
          Set<Node> linked = new java.util.HashSet<>();
          out.find()
              .forEach(
                  t -> {
                    if (t.getObject().isURI() && !t.getObject().equals(iri)) {
                      linked.add(t.getObject());
                    }
                    if (!t.getSubject().equals(iri)) {
                      linked.add(t.getSubject());
                    }
                  });
          for (Node node : linked) {
            for (Node label : LABELS) {
              union.find(node, label, Node.ANY).forEach(out::add);
            }
          }
          return out;
        });
  }

  /** The first literal value of a predicate on a subject in a description, or null. */
  static String literal(Graph g, Node s, Node p) {
    return g.find(s, p, Node.ANY)
        .mapWith(Triple::getObject)
        .filterKeep(Node::isLiteral)
        .nextOptional()
        .map(Node::getLiteralLexicalForm)
        .orElse(null);
  }
}
