package org.newsgraph.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.StoreException;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Applies a reviewed candidate file: every record whose {@code news:linkStatus} is {@code
 * "accepted"} becomes a link, with its record, in the graph {@code {base}graph/links-reviewed}.
 * That graph is the only one written (ingest and {@code link --refresh} never touch it), in one
 * transaction; links already there stay.
 */
public final class LinkApplier {

  /** The name of the graph that holds reviewed links, under {@code {base}graph/}. */
  public static final String GRAPH = "links-reviewed";

  private final GraphStore store;
  private final IriFactory iris;

  /** An applier writing into a store under a base IRI. */
  public LinkApplier(GraphStore store, IriFactory iris) {
    this.store = store;
    this.iris = iris;
  }

  /**
   * What an apply did.
   *
   * @param applied accepted records turned into links
   * @param notAccepted records left as proposed or rejected
   * @param invalid accepted records refused (each reported)
   */
  public record Result(int applied, int notAccepted, int invalid) {}

  /**
   * Applies a reviewed file.
   *
   * @param reviewed the Turtle file written by {@code link --propose} and edited by a reviewer
   * @param problems receives one line per refused record or unreadable file
   * @return the counts
   * @throws StoreException when the write fails (nothing changed)
   */
  public Result apply(Path reviewed, Consumer<String> problems) {
    Graph graph = GraphFactory.createDefaultGraph();
    try {
      RDFParser.source(reviewed).parse(graph);
    } catch (RiotException e) {
      problems.accept(reviewed + ":1:1: error: cannot read the reviewed file: " + e.getMessage());
      return new Result(0, 0, 1);
    }
    Set<Triple> add = new LinkedHashSet<>();
    int notAccepted = 0;
    int invalid = 0;
    int applied = 0;
    for (Node record :
        graph.find(Node.ANY, LinkVocab.STATUS, Node.ANY).mapWith(Triple::getSubject).toSet()) {
      String status = single(graph, record, LinkVocab.STATUS);
      if (!"accepted".equals(status)) {
        notAccepted++;
        continue;
      }
      String why = check(graph, record);
      if (why != null) {
        invalid++;
        problems.accept(reviewed + ": error: record " + record + " not applied: " + why);
        continue;
      }
      Node s = object(graph, record, LinkVocab.SUBJECT);
      Node p = object(graph, record, LinkVocab.PREDICATE);
      Node o = object(graph, record, LinkVocab.OBJECT);
      add.add(Triple.create(s, p, o));
      applied++;
      graph.find(record, Node.ANY, Node.ANY).forEach(add::add);
    }
    if (!add.isEmpty()) {
      Node target = iris.systemGraph(GRAPH);
      List<Triple> content = new ArrayList<>();
      store.exportQuads(
          target,
          new StreamRDFBase() {
            @Override
            public void quad(Quad quad) {
              content.add(quad.asTriple());
            }
          });
      content.addAll(add);
      store.replaceGraphs(List.of(new GraphContent(target, content)));
    }
    return new Result(applied, notAccepted, invalid);
  }

  private String check(Graph g, Node record) {
    Node s = object(g, record, LinkVocab.SUBJECT);
    Node p = object(g, record, LinkVocab.PREDICATE);
    Node o = object(g, record, LinkVocab.OBJECT);
    if (s == null || p == null || o == null) {
      return "it needs exactly one rdf:subject, rdf:predicate and rdf:object";
    }
    String topics = iris.base() + "topic/";
    String providers = iris.base() + "provider/";
    if (!s.isURI() || !(s.getURI().startsWith(topics) || s.getURI().startsWith(providers))) {
      return "its subject " + s + " is not a topic or provider under " + iris.base();
    }
    if (!LinkVocab.LINK_PREDICATES.contains(p)) {
      return "its predicate " + p + " is not one of " + LinkVocab.LINK_PREDICATES;
    }
    if (!o.isURI()) {
      return "its object must be an IRI";
    }
    if (object(g, record, NewsVocab.DCTERMS_SOURCE) == null) {
      return "it has no dcterms:source";
    }
    return null;
  }

  private static Node object(Graph g, Node s, Node p) {
    List<Node> values = g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
    return values.size() == 1 ? values.get(0) : null;
  }

  private static String single(Graph g, Node s, Node p) {
    Node value = object(g, s, p);
    return value != null && value.isLiteral() ? value.getLiteralLexicalForm() : null;
  }
}
