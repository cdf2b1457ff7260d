package org.newsgraph.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.newsgraph.model.LongIntMap;
import org.newsgraph.store.GraphStore;

/**
 * What the store already holds about the source files, as a run needs it. The one thing every file
 * needs, its stamp (size and modification time when last read), is read from the metadata graph at
 * the start of the run into compact arrays keyed by the source node's hash (about 60 bytes per
 * file, two index scans). What only changed files need (the recorded hash, the graphs derived from
 * a file, whether a graph exists) is looked up in the store when asked. Thread-safe: the arrays are
 * read-only after loading and the store is.
 */
final class SourceIndex {

  private final GraphStore store; // null: an empty store, never asked
  private final Provenance provenance;
  private LongIntMap ids = new LongIntMap();
  private long[] high = new long[1024];
  private long[] low = new long[1024];
  private long[] sizes = new long[1024];
  private long[] modified = new long[1024];
  private int count;
  private boolean cached;

  private SourceIndex(GraphStore store, Provenance provenance) {
    this.store = store;
    this.provenance = provenance;
  }

  /** The index of an empty store, which never reads it (a bulk load holds it exclusively). */
  static SourceIndex none() {
    return new SourceIndex(null, null);
  }

  /** An index of a store whose stamps are put in from a {@link StampCache} file. */
  static SourceIndex fromCache(GraphStore store, Provenance provenance) {
    SourceIndex index = new SourceIndex(store, provenance);
    index.cached = true;
    return index;
  }

  /** True when the stamps came from a stamp file rather than a scan of the metadata graph. */
  boolean cached() {
    return cached;
  }

  /** Reads the stamps of the source files in a store's metadata graph (none when there is none). */
  static SourceIndex load(GraphStore store, Provenance provenance) {
    SourceIndex index = new SourceIndex(store, provenance);
    Node meta = provenance.metaGraph();
    store.findInGraph(
        meta,
        Node.ANY,
        Provenance.SOURCE_BYTES,
        Node.ANY,
        (stamp, size) -> {
          int id = index.id(stamp, true);
          if (id >= 0) {
            index.sizes[id] = parseLong(size);
          }
        });
    store.findInGraph(
        meta,
        Node.ANY,
        Provenance.SOURCE_MODIFIED,
        Node.ANY,
        (stamp, time) -> {
          int id = index.id(stamp, false);
          if (id >= 0) {
            index.modified[id] = parseTime(time);
          }
        });
    return index;
  }

  /**
   * Sets the stamp of a source by its key; a negative size removes it. Only while no other thread
   * reads the index (loading it, or after the run's files were walked).
   */
  void put(long high, long low, long size, long modifiedNanos) {
    int id = id(high, low, true);
    if (id >= 0) {
      sizes[id] = size;
      modified[id] = size < 0 ? Long.MIN_VALUE : modifiedNanos;
    }
  }

  /** Forgets every stamp (a cache file that turned out damaged half-way). */
  void clear() {
    ids = new LongIntMap();
    count = 0;
  }

  /** How many sources have a stamp. */
  long entries() {
    long n = 0;
    for (int id = 0; id < count; id++) {
      if (sizes[id] >= 0 && modified[id] != Long.MIN_VALUE) {
        n++;
      }
    }
    return n;
  }

  /** What receives the stamps of {@link #forEachEntry}. */
  @FunctionalInterface
  interface EntrySink {
    void accept(long high, long low, long size, long modifiedNanos) throws java.io.IOException;
  }

  /** Passes every stamp (key, size, modification time) to {@code sink}. */
  void forEachEntry(EntrySink sink) throws java.io.IOException {
    for (int id = 0; id < count; id++) {
      if (sizes[id] >= 0 && modified[id] != Long.MIN_VALUE) {
        sink.accept(high[id], low[id], sizes[id], modified[id]);
      }
    }
  }

  /** True when the file's stamp was recorded and equals {@code stamp}. */
  boolean stampEquals(String path, FileStamp stamp) {
    if (count == 0) {
      return false;
    }
    int id = id(Provenance.stamp(provenance.source(path)), false);
    return id >= 0
        && sizes[id] >= 0
        && sizes[id] == stamp.size()
        && modified[id] != Long.MIN_VALUE
        && modified[id] == stamp.modifiedNanos();
  }

  /** The hash recorded for a path (hex), or null when the store holds no such source. */
  String sha256(String path) {
    if (store == null) {
      return null;
    }
    AtomicReference<String> sha = new AtomicReference<>();
    store.findInGraph(
        provenance.metaGraph(),
        provenance.source(path),
        Provenance.SHA256,
        Node.ANY,
        (s, o) -> sha.set(o.getLiteralLexicalForm()));
    return sha.get();
  }

  /** The record graphs derived from a source path. */
  List<Node> graphsOf(String path) {
    if (store == null) {
      return List.of();
    }
    List<Node> graphs = new ArrayList<>(1);
    store.findInGraph(
        provenance.metaGraph(),
        Node.ANY,
        Provenance.DERIVED_FROM,
        provenance.source(path),
        (graph, source) -> graphs.add(graph));
    return graphs;
  }

  /** The paths of the sources the store records for {@code graph} (those whose path is known). */
  List<String> sourcePathsOf(Node graph) {
    List<String> paths = new ArrayList<>(2);
    for (Node source : sourcesOf(graph)) {
      store.findInGraph(
          provenance.metaGraph(),
          source,
          Provenance.SOURCE_PATH,
          Node.ANY,
          (s, path) -> paths.add(path.getLiteralLexicalForm()));
    }
    return paths;
  }

  /**
   * True when the store holds a record graph with this name (one a source file was ingested into).
   */
  boolean holds(Node graph) {
    return !sourcesOf(graph).isEmpty();
  }

  /** The source nodes the store records for a record graph ({@code prov:wasDerivedFrom}). */
  List<Node> sourcesOf(Node graph) {
    if (store == null) {
      return List.of();
    }
    List<Node> sources = new ArrayList<>(2);
    store.findInGraph(
        provenance.metaGraph(), graph, Provenance.DERIVED_FROM, Node.ANY, (g, s) -> sources.add(s));
    return sources;
  }

  /** Every recorded source path (pseudo-paths such as {@code <stdin>} included), streamed. */
  void forEachPath(Consumer<String> sink) {
    if (store == null) {
      return;
    }
    store.findInGraph(
        provenance.metaGraph(),
        Node.ANY,
        Provenance.SOURCE_PATH,
        Node.ANY,
        (source, path) -> sink.accept(path.getLiteralLexicalForm()));
  }

  /**
   * The id of a stamp node: its source's hash is 32 hex digits, kept as two longs; the first is the
   * key, the second is checked. Two sources whose first 64 bits agree (never seen in practice) only
   * lose their stamps, which makes their files hashed.
   *
   * @return the id, or -1 when the node is not a stamp node or (unless {@code add}) not known
   */
  private int id(Node stamp, boolean add) {
    Provenance.SourceKey key = Provenance.SourceKey.ofStamp(stamp);
    if (key == null) {
      return -1;
    }
    return id(key.high(), key.low(), add);
  }

  private int id(long hi, long lo, boolean add) {
    int id = ids.get(hi);
    if (id != LongIntMap.ABSENT) {
      return low[id] == lo ? id : -1;
    }
    if (!add) {
      return -1;
    }
    if (count == low.length) {
      high = Arrays.copyOf(high, count * 2);
      low = Arrays.copyOf(low, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
      modified = Arrays.copyOf(modified, count * 2);
    }
    id = count++;
    high[id] = hi;
    low[id] = lo;
    sizes[id] = -1;
    modified[id] = Long.MIN_VALUE;
    ids.put(hi, id);
    return id;
  }

  private static long parseLong(Node literal) {
    try {
      return Long.parseLong(literal.getLiteralLexicalForm());
    } catch (RuntimeException e) {
      return -1; // not a stamp this version wrote: the file is hashed, as without one
    }
  }

  private static long parseTime(Node literal) {
    try {
      return FileStamp.parse(0, literal.getLiteralLexicalForm()).modifiedNanos();
    } catch (RuntimeException e) {
      return Long.MIN_VALUE;
    }
  }

  @Override
  public String toString() {
    return "SourceIndex[" + count + " stamps]";
  }
}
