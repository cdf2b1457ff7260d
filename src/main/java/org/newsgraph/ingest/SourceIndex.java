package org.newsgraph.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
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
 * file its content hash, its stamp (size and modification time) when one was recorded, and the
 * record graphs derived from it. Read-only after loading, so worker threads may consult it
 * concurrently. Memory grows with the number of source files: about 350 bytes each, most of it the
 * path and the graph name.
 */
final class SourceIndex {

  /** One source file as last ingested. Compact: the hash is kept as bytes, the stamp as two longs. */
  static final class Entry {
    private final String path;
    private final byte[] sha256;
    private final long size;
    private final long modifiedNanos;
    private Object graphs; // null, one Node, or a Node[]

    private Entry(String path, byte[] sha256, FileStamp stamp) {
      this.path = path;
      this.sha256 = sha256;
      this.size = stamp == null ? -1 : stamp.size();
      this.modifiedNanos = stamp == null ? 0 : stamp.modifiedNanos();
    }

    /** The absolute path, or a pseudo-path such as {@code <stdin>}. */
    String path() {
      return path;
    }

    /** True when the hash equals this lower-case hex SHA-256. */
    boolean hashEquals(String hex) {
      return hex.length() == 64 && java.util.Arrays.equals(sha256, HexFormat.of().parseHex(hex));
    }

    /** The recorded hash, hex. */
    String sha256() {
      return HexFormat.of().formatHex(sha256);
    }

    /** True when a stamp was recorded and equals this one. */
    boolean stampEquals(FileStamp stamp) {
      return size >= 0 && size == stamp.size() && modifiedNanos == stamp.modifiedNanos();
    }

    /** The record graphs derived from the file. */
    List<Node> graphs() {
      if (graphs == null) {
        return List.of();
      }
      return graphs instanceof Node one ? List.of(one) : List.of((Node[]) graphs);
    }

    private void addGraph(Node graph) {
      if (graphs == null) {
        graphs = graph;
      } else if (graphs instanceof Node one) {
        graphs = new Node[] {one, graph};
      } else {
        Node[] old = (Node[]) graphs;
        Node[] grown = java.util.Arrays.copyOf(old, old.length + 1);
        grown[old.length] = graph;
        graphs = grown;
      }
    }
  }

  private static final String NEWS = "https://w3id.org/newsgraph/ns#";
  private static final Var META = Var.alloc("meta");
  private static final Var SOURCE = Var.alloc("source");
  private static final Var GRAPH = Var.alloc("graph");
  private static final Var PATH = Var.alloc("path");
  private static final Var SHA = Var.alloc("sha");
  private static final Var SIZE = Var.alloc("size");
  private static final Var MODIFIED = Var.alloc("modified");
  private static final Query SOURCES = QueryFactory.create(
      "SELECT ?source ?path ?sha ?size ?modified WHERE { GRAPH ?meta { ?source <" + NEWS + "sourcePath> ?path ; <"
          + NEWS + "sha256> ?sha OPTIONAL { ?stamp <" + NEWS + "stampOf> ?source ; <" + NEWS + "sourceBytes> ?size ; <"
          + NEWS + "sourceModified> ?modified } } }");
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
    Map<Node, Entry> bySource = new HashMap<>();
    Map<String, Entry> byPath = new HashMap<>();
    store.query(SOURCES, meta, exec -> {
      exec.select().forEachRemaining(row -> {
        String path = row.get(PATH).getLiteralLexicalForm();
        String sha = row.get(SHA).getLiteralLexicalForm();
        Entry entry = new Entry(path, HexFormat.of().parseHex(sha), stamp(row));
        byPath.put(path, entry);
        bySource.put(row.get(SOURCE), entry);
      });
      return null;
    });
    Set<Node> graphs = new HashSet<>();
    store.query(DERIVED, meta, exec -> {
      exec.select().forEachRemaining(row -> {
        Entry entry = bySource.get(row.get(SOURCE));
        if (entry != null) {
          Node graph = row.get(GRAPH);
          entry.addGraph(graph);
          graphs.add(graph);
        }
      });
      return null;
    });
    return new SourceIndex(byPath, graphs);
  }

  private static FileStamp stamp(Binding row) {
    Node size = row.get(SIZE);
    Node modified = row.get(MODIFIED);
    if (size == null || modified == null) {
      return null;
    }
    try {
      return FileStamp.parse(Long.parseLong(size.getLiteralLexicalForm()), modified.getLiteralLexicalForm());
    } catch (RuntimeException e) {
      return null; // not a stamp this version wrote: the file is hashed, as without one
    }
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
