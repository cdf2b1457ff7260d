package org.newsgraph.validate;

import org.apache.jena.graph.Node;

/**
 * One SHACL result about one record graph.
 *
 * @param source the file the graph was read from (its {@code dcterms:source}), or {@code (unknown
 *     source)}
 * @param graph the record's named graph
 * @param severity "violation", "warning" or "info"
 * @param focus the node the result is about
 * @param path the property path, in SPARQL syntax with prefixes, or empty for a node constraint
 * @param message what is wrong
 */
public record Violation(
    String source, Node graph, String severity, Node focus, String path, String message) {

  /** One line: {@code source: severity: <focus> path: message (graph <g>)}. */
  @Override
  public String toString() {
    return source
        + ": "
        + severity
        + ": <"
        + focus.toString()
        + ">"
        + (path.isEmpty() ? "" : " " + path)
        + ": "
        + message
        + " (graph <"
        + graph.getURI()
        + ">)";
  }
}
