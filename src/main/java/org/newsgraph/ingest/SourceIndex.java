package org.newsgraph.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
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

  private final Map<String, Entry> byPath;
  private final Set<Node> graphs;

  private SourceIndex(Map<String, Entry> byPath, Set<Node> graphs) {
    this.byPath = byPath;
    this.graphs = graphs;
  }

  /**
   * Reads the index from a store's metadata graph (empty when there is none), with one scan per
   * predicate it needs, each an index range of the metadata graph.
   */
  static SourceIndex load(GraphStore store, Node metaGraph) {
    Map<Node, String> paths = new HashMap<>();
    store.findInGraph(metaGraph, Provenance.SOURCE_PATH, (s, o) -> paths.put(s, o.getLiteralLexicalForm()));
    Map<Node, Long> sizes = new HashMap<>();
    store.findInGraph(metaGraph, Provenance.SOURCE_BYTES, (s, o) -> sizes.put(s, parseLong(o)));
    Map<Node, Entry> bySource = new HashMap<>();
    Map<String, Entry> byPath = new HashMap<>();
    Map<Node, String> modified = new HashMap<>();
    store.findInGraph(metaGraph, Provenance.SOURCE_MODIFIED, (s, o) -> modified.put(s, o.getLiteralLexicalForm()));
    store.findInGraph(metaGraph, Provenance.SHA256, (source, sha) -> {
      String path = paths.get(source);
      if (path == null) {
        return;
      }
      Node stampNode = Provenance.stamp(source);
      Entry entry = new Entry(path, HexFormat.of().parseHex(sha.getLiteralLexicalForm()),
          stamp(sizes.get(stampNode), modified.get(stampNode)));
      byPath.put(path, entry);
      bySource.put(source, entry);
    });
    paths.clear();
    sizes.clear();
    modified.clear();
    Set<Node> graphs = new HashSet<>();
    store.findInGraph(metaGraph, Provenance.DERIVED_FROM, (graph, source) -> {
      Entry entry = bySource.get(source);
      if (entry != null) {
        entry.addGraph(graph);
        graphs.add(graph);
      }
    });
    return new SourceIndex(byPath, graphs);
  }

  private static Long parseLong(Node literal) {
    try {
      return Long.parseLong(literal.getLiteralLexicalForm());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static FileStamp stamp(Long size, String modified) {
    if (size == null || modified == null) {
      return null;
    }
    try {
      return FileStamp.parse(size, modified);
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
