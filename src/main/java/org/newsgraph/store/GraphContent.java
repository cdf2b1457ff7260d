package org.newsgraph.store;

import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * The whole new content of one named graph.
 *
 * @param graph the graph name
 * @param triples its triples; may hold duplicates, which the store collapses
 */
public record GraphContent(Node graph, List<Triple> triples) {

  /** Validates and copies. */
  public GraphContent {
    Objects.requireNonNull(graph, "graph");
    triples = List.copyOf(triples);
  }
}
