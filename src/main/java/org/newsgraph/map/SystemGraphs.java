package org.newsgraph.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.model.ResourceLib;
import org.newsgraph.store.GraphContent;
import org.newsgraph.vocab.IriFactory;

/**
 * The project-wide graphs shipped in the jar and loaded at every ingest: the ontology into {@code
 * {base}graph/ontology}, its SHACL shapes into {@code {base}graph/shapes}, the curated external
 * links into {@code {base}graph/links}. The resources are listed in {@code
 * org/newsgraph/ontology/index}: one line {@code GRAPH-NAME RESOURCE}. Thread-safe.
 */
public final class SystemGraphs {

  private static final String FOLDER = "/org/newsgraph/ontology/";

  private final IriFactory iris;

  /** System graphs named under a factory's base. */
  public SystemGraphs(IriFactory iris) {
    this.iris = iris;
  }

  /**
   * Parses every shipped system graph.
   *
   * @return one content per graph name, resources of the same graph merged
   * @throws IllegalStateException when a shipped resource is missing or does not parse (a build
   *     defect)
   */
  public List<GraphContent> load() {
    Map<String, List<Triple>> graphs = new LinkedHashMap<>();
    for (String line : resource("index").split("\n")) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String[] parts = entry.split("\\s+");
      Node graphName = iris.systemGraph(parts[0]);
      Graph parsed = GraphFactory.createDefaultGraph();
      // Relative IRIs in shipped files (<topic/ai> in links/) resolve against the data base IRI.
      // Blank nodes are numbered in file order, so the same file always gives the same labels.
      RDFParser.fromString(resource(parts[1]), Lang.TURTLE)
          .base(iris.base())
          .labelToNode(LabelToNode.createIncremental())
          .parse(parsed);
      String genid =
          graphName.getURI()
              + "/.well-known/genid/"
              + parts[1].replaceAll("[^A-Za-z0-9]", "-")
              + "-";
      graphs.computeIfAbsent(parts[0], name -> new ArrayList<>()).addAll(skolemized(parsed, genid));
    }
    List<GraphContent> out = new ArrayList<>();
    graphs.forEach((name, triples) -> out.add(new GraphContent(iris.systemGraph(name), triples)));
    return out;
  }

  /**
   * Replaces blank nodes (SHACL property shapes, lists) by IRIs under the graph's name, numbered as
   * the parser met them. Re-loading an unchanged file then writes exactly the same quads, so a
   * re-ingest leaves the store unchanged, and exports compare equal without graph isomorphism.
   */
  private static List<Triple> skolemized(Graph graph, String prefix) {
    UnaryOperator<Node> skolem =
        n ->
            n.isBlank()
                ? NodeFactory.createURI(
                    prefix + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9_-]", ""))
                : n;
    return graph
        .find()
        .mapWith(
            t ->
                Triple.create(
                    skolem.apply(t.getSubject()), t.getPredicate(), skolem.apply(t.getObject())))
        .toList();
  }

  private static String resource(String name) {
    return ResourceLib.text(FOLDER + name);
  }
}
