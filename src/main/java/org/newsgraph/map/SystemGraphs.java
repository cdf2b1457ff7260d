package org.newsgraph.map;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.store.GraphContent;

/**
 * The project-wide graphs shipped in the jar and loaded at every ingest: the ontology into {@code
 * {base}graph/ontology}, its SHACL shapes into {@code {base}graph/shapes}, the curated external links
 * into {@code {base}graph/links}. The resources are listed in {@code org/newsgraph/ontology/index}: one line
 * {@code GRAPH-NAME RESOURCE}. Thread-safe.
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
   * @throws IllegalStateException when a shipped resource is missing or does not parse (a build defect)
   */
  public List<GraphContent> load() {
    java.util.Map<String, Graph> graphs = new java.util.LinkedHashMap<>();
    for (String line : resource("index").split("\n")) {
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String[] parts = entry.split("\\s+");
      Graph graph = graphs.computeIfAbsent(parts[0], name -> GraphFactory.createDefaultGraph());
      RDFParser.fromString(resource(parts[1]), Lang.TURTLE).parse(graph);
    }
    List<GraphContent> out = new ArrayList<>();
    graphs.forEach((name, graph) -> out.add(new GraphContent(iris.systemGraph(name), graph.find().toList())));
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = SystemGraphs.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("missing shipped resource " + FOLDER + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
