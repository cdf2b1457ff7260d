package org.newsgraph.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.NewsVocab;

/**
 * The stamps of a TDB2 store's source files (size and modification time, see {@link FileStamp}),
 * kept in a file beside the store so that a run starts without scanning the metadata graph: 32
 * bytes a file, read in milliseconds where the scan takes seconds at 100,000 files.
 *
 * <p>The metadata graph stays the record; the file is a copy that is trusted only when the store
 * says so. Its name carries a random token, and the store records the token ({@code
 * {base}ingest/stamps dcterms:identifier "TOKEN"}) in the transaction that ends the run that wrote
 * it. A run removes the token in its first transaction, so a run that stops half-way leaves none,
 * and the next run reads the stamps from the metadata graph, as does a run on a store whose file is
 * missing, damaged or written for another token (a store restored from a backup, an older version's
 * run). A remote store has no folder and always scans. Used by the writer thread.
 */
final class StampCache {

  /** The folder of the stamp files inside the store directory. */
  static final String FOLDER = "ingest";

  private static final int MAGIC = 0x4e475354; // "NGST"
  private static final int VERSION = 2; // 2: the rejected files follow the stamps
  private static final String PREFIX = "stamps-";
  private static final String SUFFIX = ".bin";

  private final Optional<Path> folder;
  private final Node metaGraph;
  private final Node node;
  private final String fingerprint;
  private String trusted; // the token of the stamp file this run's index was read from

  /**
   * @param fingerprint what the remembered rejections are valid under ({@link
   *     RejectedFiles#fingerprint})
   */
  StampCache(GraphStore store, Provenance provenance, String fingerprint) {
    this.folder = store.localDirectory().map(d -> d.resolve(FOLDER));
    this.metaGraph = provenance.metaGraph();
    this.node = NodeFactory.createURI(provenance.base() + "ingest/stamps");
    this.fingerprint = fingerprint;
  }

  /**
   * The metadata subject that carries the token; replacing it with nothing invalidates the file.
   */
  Node node() {
    return node;
  }

  /**
   * The stamps the store records: from the file when the store vouches for it, else by scanning the
   * metadata graph; on a remote store also the {@linkplain SourceIndex#snapshot() snapshot} of its
   * hashes and derivations. The rejected files the file remembers go into {@code rejected} (none
   * when the file is not trusted: they are then read again).
   */
  SourceIndex load(GraphStore store, Provenance provenance, RejectedFiles rejected) {
    String token = folder.isPresent() ? token(store) : null;
    if (token != null) {
      SourceIndex index = SourceIndex.fromCache(store, provenance);
      if (read(folder.get().resolve(PREFIX + token + SUFFIX), token, index, rejected)) {
        trusted = token;
        return index;
      }
    }
    SourceIndex index = SourceIndex.load(store, provenance);
    if (store.remote()) {
      index.snapshot();
    }
    return index;
  }

  /**
   * The merge states the store vouches for: those of the stamp file that {@link #load} trusted;
   * none otherwise (a merge then reads its descriptions again).
   */
  MergeStates merges() {
    return trusted == null ? MergeStates.none() : MergeStates.open(folder.get(), trusted);
  }

  /** The folder of the stamp and merge-state files, or null for a remote store. */
  Path folder() {
    return folder.orElse(null);
  }

  /**
   * Writes the stamps of {@code index} and the rejections of {@code rejected}, with this run's
   * changes applied, to a new file, and returns the triple that makes the store vouch for it (to be
   * committed with the run's end), or empty when the file cannot be written (the next run then
   * scans, and reads the rejected files again).
   */
  Optional<Triple> save(
      SourceIndex index,
      Changes changes,
      RejectedFiles rejected,
      RejectedFiles.Changes rejections,
      MergeStates merges,
      MergeStates.Changes mergeChanges) {
    String token = UUID.randomUUID().toString().replace("-", "");
    if (folder.isEmpty()) {
      // A remote store keeps no file, and never reads the token; it records one all the same, so
      // that its metadata graph has the shape of an embedded store's.
      return Optional.of(vouching(token));
    }
    changes.applyTo(index);
    Path dir = folder.get();
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(PREFIX + token + SUFFIX);
      Path temp = Files.createTempFile(dir, "." + PREFIX, ".tmp");
      try {
        try (OutputStream file = Files.newOutputStream(temp);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
          out.writeInt(MAGIC);
          out.writeInt(VERSION);
          out.writeUTF(token);
          out.writeLong(index.entries());
          index.forEachEntry(
              (high, low, size, modified) -> {
                out.writeLong(high);
                out.writeLong(low);
                out.writeLong(size);
                out.writeLong(modified);
              });
          rejected.write(out, rejections, fingerprint);
          out.flush();
          file.flush();
        }
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      merges.save(dir, token, mergeChanges);
    } catch (IOException e) {
      // Without the file the next run has no merge states: its merges read their descriptions.
    }
    return Optional.of(vouching(token));
  }

  private Triple vouching(String token) {
    return Triple.create(
        node, NewsVocab.DCTERMS_IDENTIFIER, NodeFactory.createLiteralString(token));
  }

  /** Removes the stamp files other than the one {@code kept} names (after its run committed). */
  void removeAllBut(Triple kept) {
    if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
      return;
    }
    String token = kept.getObject().getLiteralLexicalForm();
    String keep = PREFIX + token + SUFFIX;
    String keepMerges = MergeStates.path(folder.get(), token).getFileName().toString();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.get())) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean ours =
            name.startsWith(PREFIX)
                || name.startsWith("." + PREFIX)
                || name.startsWith(MergeStates.PREFIX)
                || name.startsWith("." + MergeStates.PREFIX);
        if (ours && !name.equals(keep) && !name.equals(keepMerges)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // A file left behind costs disk only; the token says which one is trusted.
    }
  }

  private String token(GraphStore store) {
    AtomicReference<String> token = new AtomicReference<>();
    store.findInGraph(
        metaGraph,
        node,
        NewsVocab.DCTERMS_IDENTIFIER,
        Node.ANY,
        (s, o) -> {
          if (o.isLiteral()) {
            token.set(o.getLiteralLexicalForm());
          }
        });
    String t = token.get();
    return t != null && t.matches("[0-9a-f]{32}") ? t : null;
  }

  /**
   * Reads a stamp file into {@code index} and {@code rejected}; false when it is missing, foreign
   * or damaged.
   */
  private boolean read(Path file, String token, SourceIndex index, RejectedFiles rejected) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(token)) {
        return false;
      }
      long count = in.readLong();
      long headerless = Files.size(file) - (4 + 4 + 2 + token.length() + 8);
      if (count < 0 || headerless < count * 32) {
        return false;
      }
      for (long i = 0; i < count; i++) {
        index.put(in.readLong(), in.readLong(), in.readLong(), in.readLong());
      }
      rejected.read(in, fingerprint);
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
      return true;
    } catch (IOException | RuntimeException e) {
      index.clear();
      rejected.clear();
      return false;
    }
  }

  /**
   * The stamps a run records and removes, in the order it commits them; 32 bytes a file, kept apart
   * from the {@link SourceIndex} that the walker reads concurrently.
   */
  static final class Changes {
    private long[] values = new long[4 * 256];
    private int count;

    /** The file at {@code key} now has this stamp in the store. */
    void record(Provenance.SourceKey key, FileStamp stamp) {
      add(key, stamp.size(), stamp.modifiedNanos());
    }

    /** The store no longer records a stamp for the file at {@code key}. */
    void forget(Provenance.SourceKey key) {
      add(key, -1, Long.MIN_VALUE);
    }

    private void add(Provenance.SourceKey key, long size, long modified) {
      if (key == null) {
        return;
      }
      if (4 * (count + 1) > values.length) {
        values = Arrays.copyOf(values, values.length * 2);
      }
      int at = 4 * count++;
      values[at] = key.high();
      values[at + 1] = key.low();
      values[at + 2] = size;
      values[at + 3] = modified;
    }

    private void applyTo(SourceIndex index) {
      for (int i = 0; i < count; i++) {
        int at = 4 * i;
        index.put(values[at], values[at + 1], values[at + 2], values[at + 3]);
      }
    }
  }
}
