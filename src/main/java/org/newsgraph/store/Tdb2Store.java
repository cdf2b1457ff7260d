package org.newsgraph.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.transaction.txn.TransactionException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.newsgraph.store.index.IndexFunctions;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: an Apache Jena TDB2 dataset in a directory. Every write is one TDB2
 * transaction, so a crash leaves the store at its last commit. Queries run with the union of the
 * named graphs as the default graph. Opening takes the directory's {@link StoreLock}, so a second
 * process fails at once with a message naming the holder. Thread-safe (TDB2 has one writer and many
 * readers).
 *
 * <p>The store keeps a full-text index of its headlines and excerpts in its {@code text/} folder
 * ({@link SearchIndex}), current after every write and every bulk load, so that queries can use
 * {@code text:query}. A store without an index, or whose index may have missed a commit, gets it
 * rebuilt when it is opened.
 */
public final class Tdb2Store implements GraphStore {

  /**
   * The dialect of the embedded store ({@link #dialect()}): its named queries go in the forms that
   * call the index functions ({@link IndexFunctions}), registered with ARQ when this class loads.
   */
  public static final String DIALECT = "tdb2";

  static {
    IndexFunctions.register();
  }

  // The text index of each store directory open in this JVM, shared as TDB2 shares its dataset
  // (one Lucene writer per folder); guarded by itself, entries live while a StoreLock share does.
  private static final Map<Path, SearchIndex> SEARCH = new HashMap<>();

  private final Path directory;
  private final DatasetGraph storage;
  private final SearchIndex search;
  private final DatasetGraph dataset;
  private final StoreLock lock;
  private volatile boolean compacted;

  private Tdb2Store(Path directory, SearchIndex search, StoreLock lock) {
    this.directory = directory;
    this.search = search;
    this.storage = search.storage();
    this.dataset = search.dataset();
    this.lock = lock;
  }

  /**
   * Opens (creating when absent) the TDB2 dataset in a directory and locks it for this process.
   *
   * @param directory the database directory
   * @return the open store; close it
   * @throws StoreException when the directory cannot be created or written, the store is locked by
   *     another process, or it is damaged
   */
  public static Tdb2Store open(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "cannot create store directory " + directory + ": " + Tdb2Maintenance.reason(e), e);
    }
    if (!Files.isWritable(directory)) {
      throw new StoreException("store directory " + directory + " is not writable");
    }
    StoreLock lock = StoreLock.acquire(directory);
    try {
      Tdb2Maintenance.removeCompactionLeftovers(directory);
      if (lock.first()) { // else a store of this JVM has it open, maybe mid-commit
        cutTornJournalEntry(directory);
      }
      SearchIndex search = sharedSearchIndex(directory);
      return new Tdb2Store(directory, search, lock);
    } catch (RuntimeException e) {
      lock.close(() -> closeSearchIndex(directory));
      if (e instanceof StoreException store) {
        throw store;
      }
      throw new StoreException(
          "cannot open TDB2 store at " + directory + ": " + Tdb2Maintenance.reason(e), e);
    }
  }

  /**
   * The text index of a store directory, opened (and rebuilt when it does not match the store) by
   * the first store of this JVM on the directory, shared by the later ones.
   */
  private static SearchIndex sharedSearchIndex(Path directory) {
    Path key = directory.toAbsolutePath().normalize();
    synchronized (SEARCH) {
      SearchIndex search = SEARCH.get(key);
      if (search != null) {
        return search;
      }
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(Location.create(directory.toString()));
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      try {
        search = SearchIndex.open(directory, dsg);
      } catch (RuntimeException e) {
        TDBInternal.expel(dsg);
        throw e;
      }
      try {
        if (!search.current()) {
          buildSearchIndex(directory, search);
        }
      } catch (RuntimeException e) {
        try {
          search.close();
        } finally {
          TDBInternal.expel(dsg);
        }
        throw e;
      }
      SEARCH.put(key, search);
      return search;
    }
  }

  private static void buildSearchIndex(Path directory, SearchIndex search) {
    long started = System.nanoTime();
    long documents = search.rebuild();
    if (documents > 0) {
      LoggerFactory.getLogger(Tdb2Store.class)
          .warn(
              "{}: built the text index ({} headlines and excerpts, {} s): the store had none, or"
                  + " a run stopped between the store's commit and the index's",
              directory,
              documents,
              String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    }
  }

  /** Closes the shared text index of a directory, when this JVM's last store on it closes. */
  private static void closeSearchIndex(Path directory) {
    SearchIndex search;
    synchronized (SEARCH) {
      search = SEARCH.remove(directory.toAbsolutePath().normalize());
    }
    if (search != null) {
      search.close();
    }
  }

  /**
   * Lets a store whose writer was killed while writing its journal open at its last commit (see
   * {@link TornJournal}); says so on the log when it cut something.
   */
  private static void cutTornJournalEntry(Path directory) {
    try {
      TornJournal.repair(directory)
          .ifPresent(
              bytes ->
                  LoggerFactory.getLogger(Tdb2Store.class)
                      .warn(
                          "{}: cut the torn last entry ({} bytes) of a transaction that never committed off the journal;"
                              + " the store opens at its last commit",
                          directory,
                          bytes));
    } catch (IOException e) {
      throw new StoreException(
          "cannot read the journal of TDB2 store at "
              + directory
              + ": "
              + Tdb2Maintenance.reason(e),
          e);
    }
  }

  /**
   * The underlying dataset, for components that run over it in-process (the endpoint). Writes
   * through it keep the text index current; queries over it can use {@code text:query}.
   */
  public DatasetGraph dataset() {
    return dataset;
  }

  @Override
  public void replaceGraphs(Collection<GraphContent> graphs) {
    write(
        () -> {
          IndexOrderWrites held = IndexOrderWrites.of(storage);
          graphs.forEach(content -> replace(content, held));
          held.flush();
        });
  }

  @Override
  public void deleteGraphs(Collection<Node> graphs) {
    write(() -> graphs.forEach(g -> dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY)));
  }

  @Override
  public void apply(StoreBatch batch) {
    write(
        () -> {
          IndexOrderWrites held = IndexOrderWrites.of(storage);
          batch.replace().forEach(content -> replace(content, held));
          held.flush();
          batch.delete().forEach(g -> dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY));
          Node meta = batch.metaGraph();
          batch.metaSubjects().forEach(s -> dataset.deleteAny(meta, s, Node.ANY, Node.ANY));
          batch
              .metaTriples()
              .forEach(t -> dataset.add(meta, t.getSubject(), t.getPredicate(), t.getObject()));
        });
  }

  @Override
  public Optional<BulkLoad> bulkLoad() {
    boolean empty;
    try {
      empty = Txn.calculateRead(dataset, () -> dataset.isEmpty());
    } catch (RuntimeException e) {
      throw new StoreException("cannot read " + describe() + ": " + Tdb2Maintenance.reason(e), e);
    }
    if (!empty) {
      return Optional.empty();
    }
    // The loader writes TDB2's files directly, past the text index: the index is built from the
    // quads sent to the loader, and until it commits it is marked as not matching the store.
    return Optional.of(
        new Tdb2BulkLoad(storage, describe(), directory, search.startBulk(directory)));
  }

  /**
   * Compacts the store into a new generation and deletes the old one, after checking that the disk
   * has room for a copy of the current generation.
   *
   * <p>The store takes no writes afterwards (its text index would not commit with them); close it
   * and open it again to write.
   *
   * @return the bytes on disk before and after
   * @throws StoreException when there is not enough free space or compaction fails
   */
  public Compaction compact() {
    // TDB2 compacts its own dataset; the text index does not change (the quads do not). The new
    // generation has a transaction coordinator of its own, which the text dataset is not part of,
    // so this store takes no more writes: reopen it.
    compacted = true;
    return Tdb2Maintenance.compact(storage, directory);
  }

  /**
   * What a compaction did to the store's size on disk.
   *
   * @param bytesBefore bytes of the directory before
   * @param bytesAfter bytes of the directory after
   */
  public record Compaction(long bytesBefore, long bytesAfter) {}

  @Override
  public Optional<String> dialect() {
    return Optional.of(DIALECT);
  }

  @Override
  public <T> T query(Query query, Binding substitution, Function<QueryExec, T> handler) {
    try {
      return Txn.calculateRead(
          dataset,
          () -> {
            try (QueryExec exec =
                QueryExec.dataset(dataset).query(query).substitution(substitution).build()) {
              return handler.apply(exec);
            }
          });
    } catch (TransactionException e) {
      throw new StoreException("cannot read " + describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void exportQuads(Node graph, StreamRDF sink) {
    Txn.executeRead(
        dataset,
        () -> {
          Iterator<Quad> quads =
              graph == null
                  ? dataset.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                  : dataset.find(graph, Node.ANY, Node.ANY, Node.ANY);
          while (quads.hasNext()) {
            Quad q = quads.next();
            if (!q.isDefaultGraph()) {
              sink.quad(q);
            }
          }
        });
  }

  @Override
  public void findInGraph(
      Node graph, Node subject, Node predicate, Node object, BiConsumer<Node, Node> sink) {
    try {
      Txn.executeRead(
          dataset,
          () ->
              dataset
                  .find(graph, subject, predicate, object)
                  .forEachRemaining(q -> sink.accept(q.getSubject(), q.getObject())));
    } catch (TransactionException e) {
      throw new StoreException("cannot read " + describe() + ": " + e.getMessage(), e);
    }
  }

  /** Always: the store keeps its own index ({@link SearchIndex}). */
  @Override
  public boolean hasTextIndex() {
    return true;
  }

  @Override
  public String describe() {
    return "TDB2 store at " + directory;
  }

  /** The store's folder. */
  @Override
  public Optional<Path> localDirectory() {
    return Optional.of(directory);
  }

  /** Closes the dataset files (when no other store of this JVM uses them) and releases the lock. */
  @Override
  public void close() {
    lock.close(
        () -> {
          try {
            closeSearchIndex(directory);
          } finally {
            // Expel, not just close: TDB2 keeps datasets cached per JVM and holds its own tdb.lock
            // until expelled, which would keep a later process out after we are done.
            TDBInternal.expel(storage);
          }
        });
  }

  /**
   * Gives a graph exactly the content's triples, writing only the difference: a graph written again
   * unchanged (a story or a similar pair recomputed to the same result) costs a read, not six index
   * deletions and insertions per triple, and keeps the text index untouched. The difference goes to
   * the held writes ({@link IndexOrderWrites}), but for the triples the text index holds, which go
   * through the text dataset at once.
   */
  private void replace(GraphContent content, IndexOrderWrites held) {
    Node g = content.graph();
    if (held.holds(g)) {
      held.flush(); // the same graph twice in one transaction: the second reads the first
    }
    Set<Triple> missing = new LinkedHashSet<>(content.triples());
    List<Triple> stale = new ArrayList<>();
    Iterator<Quad> stored = storage.find(g, Node.ANY, Node.ANY, Node.ANY);
    try {
      while (stored.hasNext()) {
        Triple t = stored.next().asTriple();
        if (!missing.remove(t)) {
          stale.add(t);
        }
      }
    } finally {
      Iter.close(stored);
    }
    boolean holdable = IndexOrderWrites.holdable(g);
    for (Triple t : stale) {
      if (holdable && !SearchIndex.indexes(t.getPredicate())) {
        held.delete(g, t);
      } else {
        dataset.delete(g, t.getSubject(), t.getPredicate(), t.getObject());
      }
    }
    for (Triple t : missing) {
      if (holdable && !SearchIndex.indexes(t.getPredicate())) {
        held.insert(g, t);
      } else {
        dataset.add(g, t.getSubject(), t.getPredicate(), t.getObject());
      }
    }
  }

  /**
   * Runs a write transaction. A storage failure becomes a {@link StoreException}; anything else (a
   * defect) propagates as it is, after TDB2 aborted the transaction.
   */
  private void write(Runnable action) {
    if (compacted) {
      throw new IllegalStateException(describe() + " was compacted: reopen it to write");
    }
    try {
      // The index is marked as not matching the store across the commit, the only moment when a
      // killed process could leave TDB2 committed and Lucene not (see SearchIndex).
      Txn.executeWrite(
          dataset,
          () -> {
            action.run();
            search.markStale();
          });
      search.markCurrent();
    } catch (RuntimeException e) {
      if (!Tdb2Maintenance.isStorageFailure(e)) {
        throw e;
      }
      throw new StoreException(
          "write to " + describe() + " failed and was rolled back: " + Tdb2Maintenance.reason(e),
          e);
    }
  }
}
