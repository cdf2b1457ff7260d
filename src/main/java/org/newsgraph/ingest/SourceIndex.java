package org.newsgraph.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
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

  private static final Var META = Var.alloc("meta");
  private static final Var SOURCE = Var.alloc("source");
  private static final Var GRAPH = Var.alloc("graph");
  private static final Var PATH = Var.alloc("path");
  private static final Var SHA = Var.alloc("sha");
  private static final Query SOURCES = QueryFactory.create(
      "SELECT ?source ?path ?sha WHERE { GRAPH ?meta { ?source <" + Provenance.SOURCE_PATH.getURI()
          + "> ?path ; <" + Provenance.SHA256.getURI() + "> ?sha } }");
  private static final Query DERIVED = QueryFactory.create(
      "SELECT ?graph ?source WHERE { GRAPH ?meta { ?graph <" + Provenance.DERIVED_FROM.getURI() + "> ?source } }");

  private final Map<String, Entry> byPath;
  private final Set<Node> graphs;

  private SourceIndex(Map<String, Entry> byPath, Set<Node> graphs) {
    this.byPath = byPath;
    this.graphs = graphs;
  }

  /**
   * Reads the index from a store's metadata graph (empty when there is none), with two queries that
   * touch only the triples they need (a fraction of the metadata graph).
   */
  static SourceIndex load(GraphStore store, Node metaGraph) {
    Binding meta = BindingFactory.binding(META, metaGraph);
    Map<Node, List<Node>> derived = new HashMap<>();
    store.query(DERIVED, meta, exec -> {
      exec.select().forEachRemaining(row -> derived.computeIfAbsent(row.get(SOURCE), k -> new ArrayList<>(1))
          .add(row.get(GRAPH)));
      return null;
    });
    Map<String, Entry> byPath = new HashMap<>();
    Set<Node> graphs = new HashSet<>();
    store.query(SOURCES, meta, exec -> {
      exec.select().forEachRemaining(row -> {
        Node source = row.get(SOURCE);
        List<Node> made = derived.getOrDefault(source, List.of());
        graphs.addAll(made);
        String path = row.get(PATH).getLiteralLexicalForm();
        byPath.put(path, new Entry(source, path, row.get(SHA).getLiteralLexicalForm(), made));
      });
      return null;
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
