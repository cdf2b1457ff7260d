package org.newsgraph.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.system.StreamRDFBase;

/**
 * What the merge of an article's descriptions needs to know of the descriptions the store already
 * holds, kept per merged graph in a file beside the store, so that a new description (a new feed
 * snapshot's item) merges against the stored graph instead of every older file that describes the
 * article being read again.
 *
 * <p>A stored merged graph is the union of its descriptions' multi-valued facts ({@code S}) and the
 * single-valued facts of the winning description ({@code O}). Its state holds the winner's rank,
 * {@code O} itself, and for each triple of {@code O} whether it is also in {@code S} (a provider's
 * type stated by a cited article too), or that this is not known (a state made by a bulk load,
 * which never holds {@code S}); plus the number of descriptions, one description's publication
 * time, provider and path, and the disagreement already found, to report conflicts. From the stored
 * graph and its state, a merge with new descriptions {@code N} is: the stored graph plus {@code
 * N}'s multi-valued facts when the stored winner still ranks first; otherwise the stored graph
 * without the old winner's facts that are not multi-valued, plus {@code N}'s multi-valued facts and
 * the new winner's. When that depends on an unknown ("is this old single-valued fact also
 * multi-valued?"), the merge reads every description again, as without a state.
 *
 * <p>The file ({@code ingest/merges-TOKEN.bin}) is trusted on the same terms as the stamp file
 * ({@link StampCache}): it carries the stamp file's token, written at a run's end and vouched for
 * by the store in the run's last transaction. Layout: magic, version, token; the entries (each a
 * length and its bytes); the index (graph IRI, offset, length per entry); the index's offset and
 * the magic again; the index holds each entry's CRC-32, and an entry that fails it is not used.
 * Only the index is held in memory (about 100 bytes a merged graph); an entry is read when its
 * graph is merged. A run writes a new file: the entries it did not change are copied as bytes.
 */
final class MergeStates implements AutoCloseable {

  private static final int MAGIC = 0x4e474d53; // "NGMS"
  private static final int VERSION = 1;
  static final String PREFIX = "merges-";
  private static final String SUFFIX = ".bin";

  /** An own triple that is not among the graph's multi-valued facts. */
  static final byte ONLY_OWN = 0;

  /** An own triple that some description states as a multi-valued fact too. */
  static final byte ALSO_SHARED = 1;

  /** Not known (a state made by a bulk load). */
  static final byte UNKNOWN = 2;

  /**
   * One merged graph's state.
   *
   * @param winner the rank of the winning description
   * @param own the winner's single-valued facts
   * @param flags for each of {@code own}, {@link #ONLY_OWN}, {@link #ALSO_SHARED} or {@link
   *     #UNKNOWN}
   * @param descriptions how many descriptions the graph has
   * @param published one description's publication time (epoch ms, or {@link Long#MIN_VALUE})
   * @param provider that description's provider domain, or null
   * @param path that description's file
   * @param conflict the disagreement found between the descriptions, or null
   */
  record Entry(
      Description.Precedence winner,
      List<Triple> own,
      byte[] flags,
      int descriptions,
      long published,
      String provider,
      String path,
      String conflict) {

    /** Copies the list. */
    Entry {
      own = List.copyOf(own);
    }
  }

  private final FileChannel channel; // null: no file
  private final Map<String, long[]> index;

  private MergeStates(FileChannel channel, Map<String, long[]> index) {
    this.channel = channel;
    this.index = index;
  }

  /** No states: every merge reads its descriptions again. */
  static MergeStates none() {
    return new MergeStates(null, Map.of());
  }

  static Path path(Path dir, String token) {
    return dir.resolve(PREFIX + token + SUFFIX);
  }

  /** Opens the file of a token; no states when it is missing, foreign or damaged. */
  static MergeStates open(Path dir, String token) {
    Path file = path(dir, token);
    if (!Files.isRegularFile(file)) {
      return none();
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      long size = channel.size();
      ByteBuffer footer = ByteBuffer.allocate(12);
      if (size < 12) {
        throw new IOException("too short");
      }
      readFully(channel, footer, size - 12);
      footer.flip();
      long indexAt = footer.getLong();
      if (footer.getInt() != MAGIC || indexAt < 0 || indexAt > size - 12) {
        throw new IOException("bad footer");
      }
      DataInputStream head =
          new DataInputStream(
              new BufferedInputStream(Channels.newInputStream(channel.position(0)), 256));
      if (head.readInt() != MAGIC || head.readInt() != VERSION || !token.equals(head.readUTF())) {
        throw new IOException("not this token's file");
      }
      DataInputStream in =
          new DataInputStream(
              new BufferedInputStream(Channels.newInputStream(channel.position(indexAt)), 1 << 16));
      int count = in.readInt();
      if (count < 0) {
        throw new IOException("bad count");
      }
      Map<String, long[]> index = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
      for (int i = 0; i < count; i++) {
        String graph = in.readUTF();
        long at = in.readLong();
        int length = in.readInt();
        long crc = in.readLong();
        if (at < 0 || length < 0 || at + length > indexAt) {
          throw new IOException("bad entry");
        }
        index.put(graph, new long[] {at, length, crc});
      }
      return new MergeStates(channel, index);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing more to do
        }
      }
      return none();
    }
  }

  /** True when the file holds a state for {@code graph}. */
  boolean has(Node graph) {
    return index.containsKey(graph.getURI());
  }

  /** How many graphs have a state. */
  int size() {
    return index.size();
  }

  /** The state of a graph, or null when there is none or it cannot be read. */
  Entry get(Node graph) {
    long[] at = index.get(graph.getURI());
    if (at == null) {
      return null;
    }
    try {
      return decode(read(at));
    } catch (IOException | RuntimeException e) {
      return null; // the merge reads the descriptions again
    }
  }

  /** An entry's bytes, checked against the CRC-32 the index records for them. */
  private byte[] read(long[] at) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate((int) at[1]);
    readFully(channel, bytes, at[0]);
    if (crc(bytes.array()) != at[2]) {
      throw new IOException("damaged entry");
    }
    return bytes.array();
  }

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  /**
   * Writes the states with {@code changes} applied to the file of {@code token} in {@code dir}.
   *
   * @throws IOException when it cannot be written (the caller then leaves the run without states)
   */
  void save(Path dir, String token, Changes changes) throws IOException {
    if (index.isEmpty() && changes.changed.values().stream().allMatch(c -> c == null)) {
      return; // no states: no file (a missing file reads as none)
    }
    Files.createDirectories(dir);
    Path target = path(dir, token);
    Path temp = Files.createTempFile(dir, "." + PREFIX, ".tmp");
    try {
      try (OutputStream file = Files.newOutputStream(temp);
          CountingOutput counting = new CountingOutput(new BufferedOutputStream(file, 1 << 16));
          DataOutputStream out = new DataOutputStream(counting)) {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(token);
        Map<String, long[]> written = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> old : index.entrySet()) {
          if (changes.changed.containsKey(old.getKey())) {
            continue;
          }
          byte[] bytes;
          try {
            bytes = read(old.getValue());
          } catch (IOException e) {
            continue; // a damaged entry is dropped: its graph's next merge reads everything
          }
          written.put(old.getKey(), new long[] {counting.count, bytes.length, crc(bytes)});
          out.write(bytes);
        }
        for (Map.Entry<String, long[]> change : changes.changed.entrySet()) {
          if (change.getValue() != null) {
            byte[] bytes = changes.read(change.getValue());
            written.put(change.getKey(), new long[] {counting.count, bytes.length, crc(bytes)});
            out.write(bytes);
          }
        }
        out.flush();
        long indexAt = counting.count;
        out.writeInt(written.size());
        for (Map.Entry<String, long[]> e : written.entrySet()) {
          out.writeUTF(e.getKey());
          out.writeLong(e.getValue()[0]);
          out.writeInt((int) e.getValue()[1]);
          out.writeLong(e.getValue()[2]);
        }
        out.writeLong(indexAt);
        out.writeInt(MAGIC);
        out.flush();
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // read-only: nothing is lost
      }
    }
  }

  static byte[] encode(Entry e) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    DataOutputStream out = new DataOutputStream(bytes);
    Description.Precedence w = e.winner();
    out.writeLong(w.modified());
    out.writeBoolean(w.pageItem());
    out.writeBoolean(w.feedItem());
    text(out, w.path());
    out.writeInt(w.line());
    out.writeInt(w.column());
    out.writeInt(e.descriptions());
    out.writeLong(e.published());
    text(out, e.provider() == null ? "" : e.provider());
    text(out, e.path());
    out.writeBoolean(e.conflict() != null);
    if (e.conflict() != null) {
      text(out, e.conflict());
    }
    out.writeInt(e.own().size());
    out.write(e.flags(), 0, e.own().size());
    StringBuilder nt = new StringBuilder();
    for (Triple t : e.own()) {
      nt.append(NodeFmtLib.strNT(t.getSubject()))
          .append(' ')
          .append(NodeFmtLib.strNT(t.getPredicate()))
          .append(' ')
          .append(NodeFmtLib.strNT(t.getObject()))
          .append(" .\n");
    }
    text(out, nt.toString());
    out.flush();
    return bytes.toByteArray();
  }

  static Entry decode(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    Description.Precedence winner =
        new Description.Precedence(
            in.readLong(),
            in.readBoolean(),
            in.readBoolean(),
            text(in),
            in.readInt(),
            in.readInt());
    int descriptions = in.readInt();
    long published = in.readLong();
    String provider = text(in);
    String path = text(in);
    String conflict = in.readBoolean() ? text(in) : null;
    int n = in.readInt();
    if (n < 0 || n > bytes.length) {
      throw new IOException("bad count");
    }
    byte[] flags = new byte[n];
    in.readFully(flags);
    List<Triple> own = new ArrayList<>(n);
    RDFParser.fromString(text(in), Lang.NTRIPLES)
        .parse(
            new StreamRDFBase() {
              @Override
              public void triple(Triple triple) {
                own.add(triple);
              }
            });
    if (own.size() != n) {
      throw new IOException("bad triples");
    }
    return new Entry(
        winner,
        own,
        flags,
        descriptions,
        published,
        provider.isEmpty() ? null : provider,
        path,
        conflict);
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    LongText.write(out, s);
  }

  private static String text(DataInputStream in) throws IOException {
    return LongText.read(in, 1 << 26);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long at)
      throws IOException {
    long position = at;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      position += n;
    }
  }

  /**
   * The states a run sets and drops, applied when the file is written. A state set is encoded at
   * once into a scratch file beside the states (only its offset is held), so that a bulk load of
   * many merged articles holds about 100 bytes for each. Without a folder (a remote store) nothing
   * is kept. Used by the writer thread.
   */
  static final class Changes implements AutoCloseable {
    private final Path dir;
    private final Map<String, long[]> changed = new LinkedHashMap<>();
    private Path scratch;
    private FileChannel out;
    private long size;

    /**
     * @param dir the folder of the states, or null to keep nothing
     */
    Changes(Path dir) {
      this.dir = dir;
    }

    /** The graph was merged: this is its state now. */
    void put(Node graph, Entry entry) {
      if (dir == null) {
        return;
      }
      try {
        if (out == null) {
          Files.createDirectories(dir);
          scratch = Files.createTempFile(dir, "." + PREFIX, ".changes");
          out =
              FileChannel.open(
                  scratch,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.DELETE_ON_CLOSE);
        }
        byte[] bytes = encode(entry);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer, size + buffer.position());
        }
        changed.put(graph.getURI(), new long[] {size, bytes.length});
        size += bytes.length;
      } catch (IOException e) {
        changed.put(graph.getURI(), null); // not kept: the next merge of it reads again
      }
    }

    /** The graph was written from one description, or removed: it has no state. */
    void drop(Node graph) {
      if (dir != null) {
        changed.put(graph.getURI(), null);
      }
    }

    private byte[] read(long[] at) throws IOException {
      ByteBuffer bytes = ByteBuffer.allocate((int) at[1]);
      readFully(out, bytes, at[0]);
      return bytes.array();
    }

    /** Deletes the scratch file. */
    @Override
    public void close() {
      if (out != null) {
        try {
          out.close();
          Files.deleteIfExists(scratch);
        } catch (IOException e) {
          // a leftover scratch file is removed with the other stale files
        }
      }
    }
  }

  /** Counts the bytes written through it. */
  private static final class CountingOutput extends java.io.FilterOutputStream {
    long count;

    CountingOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
