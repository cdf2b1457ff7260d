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
 * a file, whether a graph exists) is looked up in the store when asked.
 *
 * <p>On a store where every lookup is a round trip ({@link GraphStore#remote()}), the run also
 * takes a {@linkplain #snapshot() snapshot} at its start, in two more streamed queries: every
 * source's recorded hash, which sources have graphs derived from them, and which graphs are derived
 * from a source (about 40 bytes per source and 20 to 35 per graph, no object per entry). The hash
 * is then answered from the snapshot, and so is every "none": a file the store does not know, a
 * source with no graphs, a graph with no source; only what the snapshot says exists is still asked
 * of the store (its current state, as without a snapshot). Into an empty store a run makes no
 * lookup per file at all. Thread-safe: the arrays are read-only after loading and the store is.
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

  // The snapshot (remote stores only; see the class comment). Per source id: its hash as four
  // longs, and what the store recorded of it (the FACT_ bits). Per graph: the 64-bit hash of its
  // IRI when some source derives it.
  private static final byte FACT_HASH = 1; // the hash is in shas
  private static final byte FACT_ASK_HASH = 2; // a hash the snapshot does not hold: ask the store
  private static final byte FACT_GRAPHS = 4; // some graph is derived from the source
  private boolean snapshot;
  private boolean ambiguous; // two sources whose keys share their first 64 bits: ask for sources
  private long[] shas;
  private byte[] facts;
  private LongIntMap derived;

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
   * Reads, in two streamed queries, what the lookups of the run would otherwise ask file by file:
   * the hash the store records for each source, and which graphs are derived from which sources.
   * Called once, before the run's first write and before any other thread reads the index.
   */
  void snapshot() {
    if (store == null || snapshot) {
      return;
    }
    snapshot = true;
    shas = new long[4 * high.length];
    facts = new byte[high.length];
    derived = new LongIntMap();
    Node meta = provenance.metaGraph();
    store.findInGraph(
        meta,
        Node.ANY,
        Provenance.SHA256,
        Node.ANY,
        (source, sha) -> {
          int id = sourceId(source);
          if (id < 0) {
            return;
          }
          boolean known = (facts[id] & (FACT_HASH | FACT_ASK_HASH)) != 0;
          if (!known && sha.isLiteral() && putHash(id, sha.getLiteralLexicalForm())) {
            facts[id] |= FACT_HASH;
          } else {
            facts[id] = (byte) (facts[id] & ~FACT_HASH | FACT_ASK_HASH); // odd, or twice: ask
          }
        });
    store.findInGraph(
        meta,
        Node.ANY,
        Provenance.DERIVED_FROM,
        Node.ANY,
        (graph, source) -> {
          derived.put(graphKey(graph), 0);
          int id = sourceId(source);
          if (id >= 0) {
            facts[id] |= FACT_GRAPHS;
          }
        });
  }

  /** True when a snapshot was taken (a remote store). */
  boolean snapshotTaken() {
    return snapshot;
  }

  /**
   * The id of a source node while the snapshot is read (added when new), or -1 for a node not of
   * the form {@code {base}source/KEY}, or one whose key shares its first 64 bits with another's
   * (then the snapshot's "none" is not trusted for sources).
   */
  private int sourceId(Node source) {
    Provenance.SourceKey key = Provenance.SourceKey.ofSource(source);
    if (key == null) {
      return -1;
    }
    int id = id(key.high(), key.low(), true);
    if (id < 0) {
      ambiguous = true;
    }
    return id;
  }

  /** Keeps a hash of 64 lower-case hex digits as four longs; false for any other text. */
  private boolean putHash(int id, String hex) {
    if (hex.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = hex.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    for (int i = 0; i < 4; i++) {
      shas[4 * id + i] = Long.parseUnsignedLong(hex, 16 * i, 16 * i + 16, 16);
    }
    return true;
  }

  private String hash(int id) {
    StringBuilder hex = new StringBuilder(64);
    for (int i = 0; i < 4; i++) {
      String part = Long.toHexString(shas[4 * id + i]);
      hex.append("0".repeat(16 - part.length())).append(part);
    }
    return hex.toString();
  }

  /** The id of a path's source, or -1 when the snapshot holds nothing of it. */
  private int snapshotId(String path) {
    Provenance.SourceKey key = provenance.key(path);
    return key == null ? -1 : id(key.high(), key.low(), false);
  }

  /** The snapshot's facts of a path's source: 0 when the store recorded nothing of it. */
  private byte factsOf(String path) {
    int id = snapshotId(path);
    return id < 0 ? 0 : facts[id];
  }

  /** 64 bits of a graph's IRI (FNV-1a over its characters); a collision only costs a lookup. */
  private static long graphKey(Node graph) {
    String text = graph.isURI() ? graph.getURI() : graph.toString();
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * 0x100000001b3L;
    }
    return h;
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
    if (snapshot && !ambiguous) {
      int id = snapshotId(path);
      byte known = id < 0 ? 0 : facts[id];
      if ((known & FACT_HASH) != 0) {
        return hash(id);
      }
      if ((known & FACT_ASK_HASH) == 0) {
        return null;
      }
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
    if (store == null || snapshot && !ambiguous && (factsOf(path) & FACT_GRAPHS) == 0) {
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
    if (store == null || snapshot && derived.get(graphKey(graph)) == LongIntMap.ABSENT) {
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
      if (snapshot) {
        shas = Arrays.copyOf(shas, 4 * count * 2);
        facts = Arrays.copyOf(facts, count * 2);
      }
    }
    id = count++;
    high[id] = hi;
    low[id] = lo;
    sizes[id] = -1;
    modified[id] = Long.MIN_VALUE;
    if (snapshot) {
      facts[id] = 0;
    }
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
