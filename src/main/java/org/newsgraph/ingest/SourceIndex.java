package org.newsgraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.store.GraphStore;

/**
 * What the store already holds, read from the metadata graph at the start of a run: for each source
 * file its content hash and the record graphs derived from it. Read-only after loading, so worker
 * threads may consult it concurrently. Memory grows with the number of source files (a few hundred
 * bytes each).
 */
final class SourceIndex {

  /** One source file as last ingested. */
  record Entry(Node node, String path, String sha256, List<Node> graphs) {}

  private final Map<String, Entry> byPath;
  private final Set<Node> graphs;

  private SourceIndex(Map<String, Entry> byPath, Set<Node> graphs) {
    this.byPath = byPath;
    this.graphs = graphs;
  }

  /** Reads the index from a store's metadata graph (empty when there is none). */
  static SourceIndex load(GraphStore store, Node metaGraph) {
    Map<Node, String> paths = new HashMap<>();
    Map<Node, String> hashes = new HashMap<>();
    Map<Node, List<Node>> derived = new HashMap<>();
    store.exportQuads(metaGraph, new StreamRDFBase() {
      @Override
      public void quad(Quad q) {
        Node p = q.getPredicate();
        if (p.equals(Provenance.SOURCE_PATH)) {
          paths.put(q.getSubject(), q.getObject().getLiteralLexicalForm());
        } else if (p.equals(Provenance.SHA256)) {
          hashes.put(q.getSubject(), q.getObject().getLiteralLexicalForm());
        } else if (p.equals(Provenance.DERIVED_FROM)) {
          derived.computeIfAbsent(q.getObject(), k -> new ArrayList<>(1)).add(q.getSubject());
        }
      }
    });
    Map<String, Entry> byPath = new HashMap<>();
    Set<Node> graphs = new java.util.HashSet<>();
    paths.forEach((node, path) -> {
      List<Node> made = derived.getOrDefault(node, List.of());
      graphs.addAll(made);
      byPath.put(path, new Entry(node, path, hashes.get(node), made));
    });
    return new SourceIndex(byPath, graphs);
  }

  /** The entry of a source path, or null. */
  Entry get(String path) {
    return byPath.get(path);
  }

  /** True when the store held this record graph at the start of the run. */
  boolean holds(Node graph) {
    return graphs.contains(graph);
  }

  /** Every source entry. */
  Iterable<Entry> entries() {
    return byPath.values();
  }
}
