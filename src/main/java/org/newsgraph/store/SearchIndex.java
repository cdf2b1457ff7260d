package org.newsgraph.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LiveIndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * The full-text index of a TDB2 store: a Lucene index in the store's {@code text/} folder over
 * every headline ({@code schema:headline}, field {@code headline}) and excerpt ({@code
 * schema:description}, field {@code excerpt}), one Lucene document per quad, queried with
 * jena-text's {@code text:query}.
 *
 * <p>Kept current in three ways:
 *
 * <ul>
 *   <li>every write through {@link #dataset()} (jena-text's text dataset) adds and deletes the
 *       documents of the quads it adds and deletes, and commits the index with the TDB2
 *       transaction; a document's {@code uid} (a hash of graph, subject, field and text) lets a
 *       deleted quad take exactly its own document along;
 *   <li>the bulk loader writes TDB2's files directly, past the text dataset: the headline and
 *       excerpt quads it is sent are kept in a scratch file as they pass ({@link Bulk}), indexed on
 *       a thread of their own while the loader builds TDB2's indexes on one core, and committed
 *       after the load commits; {@link #rebuild()} indexes a store's quads in one pass (a store
 *       whose index is missing or stale);
 *   <li>a marker file says the index matches the store. It is removed before a commit and written
 *       after it, so a process killed between TDB2's commit and Lucene's (or during a bulk load)
 *       leaves no marker, and the next open rebuilds the index; a store made before the index
 *       existed has no marker either.
 * </ul>
 *
 * Not thread-safe by itself: the store serialises writes (TDB2 has one writer).
 */
final class SearchIndex implements AutoCloseable {

  /** The index's folder inside the store directory. */
  static final String FOLDER = "text";

  /** The marker file inside {@link #FOLDER}: present when the index matches the store. */
  static final String CURRENT = "newsgraph-index-current";

  static final Node HEADLINE = NodeFactory.createURI("http://schema.org/headline");
  static final Node DESCRIPTION = NodeFactory.createURI("http://schema.org/description");

  /** True when the index holds the literals of this predicate. */
  static boolean indexes(Node predicate) {
    return HEADLINE.equals(predicate) || DESCRIPTION.equals(predicate);
  }

  private final Path folder;
  private final TextIndex index;
  private final DatasetGraph dataset;
  private final DatasetGraph storage;

  private SearchIndex(Path folder, TextIndex index, DatasetGraph storage) {
    this.folder = folder;
    this.index = index;
    this.storage = storage;
    this.dataset = TextDatasetFactory.create(storage, index, false);
  }

  /**
   * Opens (creating when absent) the index of a store and wraps the store's dataset with it.
   *
   * @param directory the store directory
   * @param storage the store's TDB2 dataset
   * @throws StoreException when the index cannot be opened
   */
  static SearchIndex open(Path directory, DatasetGraph storage) {
    Path folder = directory.resolve(FOLDER);
    try {
      Files.createDirectories(folder);
      return new SearchIndex(
          folder, new TextIndexLucene(FSDirectory.open(folder), config()), storage);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "cannot open the text index in " + folder + ": " + Tdb2Maintenance.reason(e), e);
    }
  }

  /**
   * What is indexed and how: the subject in {@code uri}, the text in {@code headline} or {@code
   * excerpt} (Lucene's standard analyzer), a per-quad {@code uid} so that deletes work, the graph
   * in {@code graph}, and values stored, so that {@code text:query} can return the matching text.
   */
  private static TextIndexConfig config() {
    EntityDefinition entities = new EntityDefinition("uri", "headline", HEADLINE);
    entities.set("excerpt", DESCRIPTION);
    entities.setUidField("uid");
    entities.setGraphField("graph");
    entities.setLangField("lang");
    TextIndexConfig config = new TextIndexConfig(entities);
    config.setValueStored(true);
    return config;
  }

  /** The store's TDB2 dataset itself, without the index (for the bulk loader and compaction). */
  DatasetGraph storage() {
    return storage;
  }

  /** The store's dataset with the index: writes through it keep the index current. */
  DatasetGraph dataset() {
    return dataset;
  }

  /** Whether the index is known to match the store. */
  boolean current() {
    return Files.exists(folder.resolve(CURRENT));
  }

  /**
   * Forgets that the index matches the store, durably, before a commit that changes both; {@link
   * #markCurrent()} afterwards.
   */
  void markStale() {
    try {
      if (Files.deleteIfExists(folder.resolve(CURRENT))) {
        syncFolder();
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot write the text index in " + folder + ": " + Tdb2Maintenance.reason(e), e);
    }
  }

  /** Records that the index matches the store. */
  void markCurrent() {
    try {
      try (FileChannel marker =
          FileChannel.open(
              folder.resolve(CURRENT), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        marker.force(true);
      }
      syncFolder();
    } catch (IOException e) {
      throw new StoreException(
          "cannot write the text index in " + folder + ": " + Tdb2Maintenance.reason(e), e);
    }
  }

  private void syncFolder() throws IOException {
    try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the file's own sync is what they offer.
    }
  }

  /**
   * Rebuilds the index from the store's quads, in one write transaction: removes every document,
   * then adds one per headline and excerpt quad.
   *
   * @return the number of documents indexed
   * @throws StoreException when the store cannot be read or the index written
   */
  long rebuild() {
    markStale();
    IndexWriter writer = ((TextIndexLucene) index).getIndexWriter();
    LiveIndexWriterConfig live = writer.getConfig();
    double buffer = raiseBuffer();
    long[] count = {0};
    try {
      Txn.executeWrite(
          dataset,
          () -> {
            try {
              writer.deleteAll();
            } catch (IOException e) {
              throw new StoreException("cannot clear the text index: " + e.getMessage(), e);
            }
            count[0] = addInTwoThreads();
          });
    } catch (RuntimeException e) {
      throw new StoreException(
          "cannot build the text index in " + folder + ": " + Tdb2Maintenance.reason(e), e);
    } finally {
      live.setRAMBufferSizeMB(buffer);
    }
    markCurrent();
    return count[0];
  }

  /**
   * Indexes the headlines on this thread and the excerpts on a second one (Lucene's writer takes
   * documents from several threads; the second reads the store in its own read transaction, which
   * sees the same committed data as this thread's write transaction, since it writes no quads).
   */
  private long addInTwoThreads() {
    FutureTask<Long> excerpts =
        new FutureTask<>(() -> Txn.calculateRead(storage, () -> add(DESCRIPTION)));
    Thread thread = new Thread(excerpts, "newsgraph-text-index");
    thread.setDaemon(true);
    thread.start();
    try {
      long headlines = add(HEADLINE);
      return headlines + excerpts.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while building the text index", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new StoreException("cannot build the text index: " + e.getCause(), e.getCause());
    } finally {
      excerpts.cancel(true);
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private long add(Node predicate) {
    long n = 0;
    EntityDefinition entities = index.getDocDef();
    Iterator<Quad> quads = storage.find(Node.ANY, Node.ANY, predicate, Node.ANY);
    while (quads.hasNext()) {
      if ((n & 1023) == 0 && Thread.currentThread().isInterrupted()) {
        throw new StoreException("text indexing was stopped");
      }
      Quad quad = quads.next();
      if (quad.isDefaultGraph() || !quad.getObject().isLiteral()) {
        continue;
      }
      if (addDocument(entities, quad)) {
        n++;
      }
    }
    return n;
  }

  /** Adds the document of one headline or excerpt quad; false when it makes none. */
  private boolean addDocument(EntityDefinition entities, Quad quad) {
    Entity entity = TextQueryFuncs.entityFromQuad(entities, quad);
    if (entity == null) {
      return false;
    }
    index.addEntity(entity);
    return true;
  }

  /**
   * Raises Lucene's RAM buffer for a build of the whole index: fewer, larger segments to flush and
   * merge than with Lucene's 16 MB, within a small heap (an eighth of it, at most 128 MB).
   *
   * @return the size before, to restore
   */
  private double raiseBuffer() {
    LiveIndexWriterConfig live = ((TextIndexLucene) index).getIndexWriter().getConfig();
    double before = live.getRAMBufferSizeMB();
    live.setRAMBufferSizeMB(
        Math.max(before, Math.min(128, Runtime.getRuntime().maxMemory() / 8 / (1 << 20))));
    return before;
  }

  /**
   * Starts indexing a bulk load into the (empty) store: {@link Bulk#accept} takes note of each quad
   * sent to the loader, {@link Bulk#startIndexing()} indexes them once the stream is complete,
   * {@link Bulk#commit()} commits after the load has committed, and {@link Bulk#abandon()} rolls
   * the index back when the load fails.
   *
   * @param scratch a folder on the store's disk for the quads kept until they are indexed
   */
  Bulk startBulk(Path scratch) {
    markStale();
    return new Bulk(scratch);
  }

  /**
   * The text index of one bulk load. The headline and excerpt quads the loader is sent are written
   * to a scratch file (memory stays small at any size) and indexed, once the stream is complete, on
   * a thread of their own: the loader then spends a long while building TDB2's other indexes on one
   * thread, so on two cores the text index costs little time of its own. The documents are those
   * {@link #rebuild()} makes of the loaded store. Not thread-safe: fed by the one thread that feeds
   * the loader.
   */
  final class Bulk {
    private static final byte HEADLINE_FIELD = 0;
    private static final byte EXCERPT_FIELD = 1;
    private static final byte URI = 0;
    private static final byte BLANK = 1;

    private final Path file;
    private final DataOutputStream out;
    private Thread thread;
    private volatile Throwable failure;
    private volatile boolean stop;
    private long documents;
    private double buffer = -1;

    private Bulk(Path scratch) {
      try {
        Files.createDirectories(scratch);
        // A run killed during a bulk load leaves its file behind; the store was empty then.
        try (var old = Files.newDirectoryStream(scratch, "text-index-*.bin")) {
          for (Path stale : old) {
            Files.deleteIfExists(stale);
          }
        }
        this.file = Files.createTempFile(scratch, "text-index-", ".bin");
        this.out =
            new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
      } catch (IOException e) {
        throw new StoreException(
            "cannot write the text index's scratch file in " + scratch + ": " + e.getMessage(), e);
      }
    }

    /** Takes note of a quad sent to the loader: kept when the index holds its text. */
    void accept(Quad quad) {
      Node p = quad.getPredicate();
      if (!indexes(p) || quad.isDefaultGraph() || !quad.getObject().isLiteral()) {
        return;
      }
      Node g = quad.getGraph();
      Node s = quad.getSubject();
      if (!g.isURI() || !(s.isURI() || s.isBlank())) {
        return; // not what a named graph of the store can hold
      }
      Node o = quad.getObject();
      try {
        out.writeByte(HEADLINE.equals(p) ? HEADLINE_FIELD : EXCERPT_FIELD);
        write(g.getURI());
        out.writeByte(s.isURI() ? URI : BLANK);
        write(s.isURI() ? s.getURI() : s.getBlankNodeLabel());
        write(o.getLiteralLexicalForm());
        write(o.getLiteralLanguage());
        write(o.getLiteralDatatypeURI());
      } catch (IOException e) {
        throw new StoreException(
            "cannot write the text index's scratch file " + file + ": " + e.getMessage(), e);
      }
    }

    private void write(String text) throws IOException {
      byte[] bytes = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.write(bytes);
    }

    private String read(DataInputStream in) throws IOException {
      byte[] bytes = new byte[in.readInt()];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The stream is complete: indexes what was kept, on a thread of its own. */
    void startIndexing() {
      try {
        out.close();
      } catch (IOException e) {
        throw new StoreException(
            "cannot write the text index's scratch file " + file + ": " + e.getMessage(), e);
      }
      IndexWriter writer = ((TextIndexLucene) index).getIndexWriter();
      buffer = raiseBuffer();
      thread =
          new Thread(
              () -> {
                try {
                  writer.deleteAll();
                  documents = indexFile();
                  // Writes the segments now, on this thread, rather than in the commit after the
                  // load, where nothing else would run beside it.
                  writer.flush();
                } catch (Throwable e) {
                  failure = e;
                }
              },
              "newsgraph-text-index");
      thread.setDaemon(true);
      thread.start();
    }

    private long indexFile() throws IOException {
      EntityDefinition entities = index.getDocDef();
      long n = 0;
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        while (!stop) {
          int field;
          try {
            field = in.readByte();
          } catch (EOFException end) {
            break;
          }
          Node g = NodeFactory.createURI(read(in));
          byte kind = in.readByte();
          String subject = read(in);
          Node s =
              kind == URI ? NodeFactory.createURI(subject) : NodeFactory.createBlankNode(subject);
          String lexical = read(in);
          String lang = read(in);
          String datatype = read(in);
          Node o =
              lang.isEmpty()
                  ? NodeFactory.createLiteralDT(
                      lexical, TypeMapper.getInstance().getSafeTypeByName(datatype))
                  : NodeFactory.createLiteralLang(lexical, lang);
          if (addDocument(
              entities, Quad.create(g, s, field == HEADLINE_FIELD ? HEADLINE : DESCRIPTION, o))) {
            n++;
          }
        }
      }
      return n;
    }

    /**
     * The load has committed: waits for the indexing, commits the index and marks it current.
     *
     * @return the number of documents indexed
     * @throws StoreException when the index could not be built (the store builds it when next
     *     opened)
     */
    long commit() {
      try {
        Txn.executeWrite(
            dataset,
            () -> {
              awaitThread();
              if (failure != null) {
                throw new StoreException(
                    "cannot build the text index in "
                        + folder
                        + ": "
                        + Tdb2Maintenance.reason(failure),
                    failure);
              }
            });
      } finally {
        cleanUp();
      }
      markCurrent();
      return documents;
    }

    /** The load failed or was abandoned: stops the indexing and rolls the index back. */
    void abandon() {
      stop = true;
      try {
        out.close();
      } catch (IOException e) {
        // the file is removed below
      }
      try {
        awaitThread();
        index.rollback();
      } catch (RuntimeException e) {
        // The load's failure is the one reported; the index is stale and rebuilt on next open.
      } finally {
        cleanUp();
      }
    }

    private void awaitThread() {
      if (thread == null) {
        return;
      }
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop = true;
        throw new StoreException("interrupted while building the text index", e);
      }
    }

    private void cleanUp() {
      if (buffer >= 0) {
        ((TextIndexLucene) index).getIndexWriter().getConfig().setRAMBufferSizeMB(buffer);
      }
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a scratch file in the store's folder; the next bulk load's name differs
      }
    }
  }

  /** Closes the Lucene index (its pending changes were committed or rolled back). */
  @Override
  public void close() {
    index.close();
  }
}
