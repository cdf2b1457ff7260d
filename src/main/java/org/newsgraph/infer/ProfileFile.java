package org.newsgraph.infer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.NoSuchElementException;
import org.newsgraph.model.LongIntMap;

/**
 * The text profiles of a store's dated articles, in publication order, in a file beside the store:
 * what an incremental run compares its new articles with, so that it neither reads the texts of
 * their windows from the store nor analyses them again.
 *
 * <p>A file is named by a token ({@code profiles-TOKEN.bin}) that the store records in the same
 * transaction as the links computed with it; a file whose token is not the store's is stale and
 * never read. So a run killed anywhere leaves either the old file, still matching the store, or a
 * store whose token has no file, which the next run rebuilds from the store's texts. Only the index
 * (key, time, offset and the profile's {@linkplain TextProfile#fingerprint() fingerprint}: 32 bytes
 * an article) is held in memory; profiles are read from the file when needed.
 *
 * <p>Layout (big-endian): magic, version, token, settings; the entries (key, time, term count, term
 * hash and weight pairs, shingle count, shingle hashes, headline term count as a byte, headline
 * terms as shorts) in publication order; the index; a footer with the index's offset, the entry
 * count and the magic again.
 */
public final class ProfileFile implements AutoCloseable {

  private static final int MAGIC = 0x4E475046; // "NGPF"
  // 2: the index holds each profile's fingerprint; 3: each profile its headline's terms in order
  private static final int VERSION = 3;
  private static final String PREFIX = "profiles-";
  private static final String SUFFIX = ".bin";
  private static final int FOOTER = 8 + 4 + 4;
  private static final int ENTRY = 32; // key, time, offset, fingerprint

  private final Path file;
  private final FileChannel channel;
  private final long[] keys;
  private final long[] times;
  private final long[] offsets;
  private final long[] texts;
  private final long end;
  private LongIntMap positions;
  private LongIntMap firstOfText;

  /** The file of a token in a folder. */
  static Path path(Path dir, String token) {
    return dir.resolve(PREFIX + token + SUFFIX);
  }

  /**
   * Opens the file of a token, or returns null when it is absent, damaged, or was made with other
   * settings: the caller rebuilds it from the store.
   *
   * @param dir the folder of profile files
   * @param token the token the store records, or null when it records none
   * @param settings the settings' description the profiles must have been made with
   */
  public static ProfileFile open(Path dir, String token, String settings) {
    if (token == null || !validToken(token)) {
      return null;
    }
    Path file = path(dir, token);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
      long size = channel.size();
      if (size < FOOTER) {
        throw new IOException("too short");
      }
      ByteBuffer footer = ByteBuffer.allocate(FOOTER);
      readFully(channel, footer, size - FOOTER);
      footer.flip();
      long indexAt = footer.getLong();
      int count = footer.getInt();
      if (footer.getInt() != MAGIC
          || count < 0
          || indexAt < 0
          || indexAt + (long) ENTRY * count != size - FOOTER) {
        throw new IOException("bad footer");
      }
      DataInputStream head =
          new DataInputStream(
              new BufferedInputStream(Channels.newInputStream(channel.position(0))));
      if (head.readInt() != MAGIC
          || head.readInt() != VERSION
          || !token.equals(head.readUTF())
          || !settings.equals(head.readUTF())) {
        channel.close();
        return null;
      }
      long[] keys = new long[count];
      long[] times = new long[count];
      long[] offsets = new long[count];
      long[] texts = new long[count];
      ByteBuffer index = ByteBuffer.allocate(ENTRY * 4096);
      long at = indexAt;
      int i = 0;
      while (i < count) {
        index.clear();
        index.limit(Math.min(index.capacity(), ENTRY * (count - i)));
        readFully(channel, index, at);
        at += index.limit();
        index.flip();
        while (index.remaining() >= ENTRY) {
          keys[i] = index.getLong();
          times[i] = index.getLong();
          offsets[i] = index.getLong();
          texts[i] = index.getLong();
          i++;
        }
      }
      return new ProfileFile(file, channel, keys, times, offsets, texts, indexAt);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      return null; // unreadable: rebuilt from the store
    }
  }

  private ProfileFile(
      Path file,
      FileChannel channel,
      long[] keys,
      long[] times,
      long[] offsets,
      long[] texts,
      long end) {
    this.file = file;
    this.channel = channel;
    this.keys = keys;
    this.times = times;
    this.offsets = offsets;
    this.texts = texts;
    this.end = end;
  }

  /** How many articles the file holds. */
  public int size() {
    return keys.length;
  }

  /** The key of the article at a position (publication order). */
  public long key(int i) {
    return keys[i];
  }

  /** The publication time of the article at a position, in epoch seconds. */
  public long time(int i) {
    return times[i];
  }

  /** The position of an article by key, or -1 when the file does not hold it. */
  public int position(long key) {
    if (positions == null) {
      positions = new LongIntMap();
      for (int i = 0; i < keys.length; i++) {
        positions.put(keys[i], i);
      }
    }
    int at = positions.get(key);
    return at == LongIntMap.ABSENT ? -1 : at;
  }

  /** The {@linkplain TextProfile#fingerprint() fingerprint} of the profile at a position. */
  public long fingerprint(int i) {
    return texts[i];
  }

  /**
   * Whether the article at a position is the earliest of the file's articles with its exact text
   * (its profile's fingerprint): true for every article whose text is not repeated, and for an
   * empty profile.
   */
  public boolean firstOfItsText(int i) {
    if (texts[i] == 0) {
      return true;
    }
    if (firstOfText == null) {
      firstOfText = new LongIntMap();
      for (int k = texts.length - 1; k >= 0; k--) {
        if (texts[k] != 0) {
          firstOfText.put(texts[k], k); // backwards: the earliest position stays
        }
      }
    }
    return firstOfText.get(texts[i]) == i;
  }

  /** The profile of the article at a position, read from the file. */
  public TextProfile profile(int i) {
    long from = offsets[i];
    long to = i + 1 < offsets.length ? offsets[i + 1] : end;
    ByteBuffer entry = ByteBuffer.allocate((int) (to - from));
    try {
      readFully(channel, entry, from);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the text profiles in " + file, e);
    }
    entry.flip();
    entry.position(16); // past the key and the time
    return readProfile(entry, file);
  }

  /**
   * Reads the entries in publication order, buffered: for a pass over the whole file.
   *
   * @return a cursor positioned before the first entry; close it (or this file) when done
   */
  public Cursor cursor() {
    try {
      InputStream in = Channels.newInputStream(FileChannel.open(file, StandardOpenOption.READ));
      long skipped = 0;
      long first = offsets.length == 0 ? 0 : offsets[0];
      while (skipped < first) {
        long n = in.skip(first - skipped);
        if (n <= 0) {
          throw new EOFException();
        }
        skipped += n;
      }
      return new Cursor(new DataInputStream(new BufferedInputStream(in, 1 << 16)), this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the text profiles in " + file, e);
    }
  }

  /**
   * A pass over the entries in publication order. An entry's profile is decoded only when asked for
   * ({@link #profile()}); {@link #copyTo} writes it into another file as it is stored, so that a
   * pass that rewrites the file decodes only the entries it compares.
   */
  public static final class Cursor implements AutoCloseable {
    private final DataInputStream in;
    private final ProfileFile file;
    private int read;
    private long key;
    private long time;
    private byte[] entry = new byte[1024];
    private int length;
    private TextProfile decoded;

    private Cursor(DataInputStream in, ProfileFile file) {
      this.in = in;
      this.file = file;
    }

    /** Whether another entry follows. */
    public boolean hasNext() {
      return read < file.size();
    }

    /**
     * Moves to the next entry without decoding its profile; {@link #key()}, {@link #time()} and
     * {@link #profile()} are then its.
     */
    public void advance() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      long to = read + 1 < file.offsets.length ? file.offsets[read + 1] : file.end;
      int size = (int) (to - file.offsets[read] - 16);
      try {
        key = in.readLong();
        time = in.readLong();
        if (size > entry.length) {
          entry = new byte[Math.max(size, 2 * entry.length)];
        }
        in.readFully(entry, 0, size);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the text profiles in " + file.file, e);
      }
      length = size;
      decoded = null;
      read++;
    }

    /** Moves to the next entry and returns its profile. */
    public TextProfile next() {
      advance();
      return profile();
    }

    /** The current entry's profile, decoded on the first call. */
    public TextProfile profile() {
      if (decoded == null) {
        decoded = readProfile(ByteBuffer.wrap(entry, 0, length), file.file);
      }
      return decoded;
    }

    /** The current entry's article key. */
    public long key() {
      return key;
    }

    /** The current entry's publication time. */
    public long time() {
      return time;
    }

    /** Appends the current entry to a file being written, as it is stored here. */
    public void copyTo(Writer out) {
      out.addStored(key, time, file.texts[read - 1], entry, length);
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // read only
      }
    }
  }

  /** Decodes one profile as {@link #writeProfile} wrote it, from its bytes. */
  static TextProfile readProfile(ByteBuffer in, Path file) {
    try {
      int terms = in.getInt();
      long[] t = new long[terms];
      float[] w = new float[terms];
      for (int i = 0; i < terms; i++) {
        t[i] = in.getLong();
        w[i] = in.getFloat();
      }
      int shingles = in.getInt();
      long[] s = new long[shingles];
      for (int i = 0; i < shingles; i++) {
        s[i] = in.getLong();
      }
      int headline = in.get() & 0xFF;
      short[] h = new short[headline];
      for (int i = 0; i < headline; i++) {
        h[i] = in.getShort();
      }
      return terms == 0 ? TextProfile.EMPTY : new TextProfile(t, w, s, h);
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw new UncheckedIOException(
          new IOException("a text profile in " + file + " is cut short", e));
    }
  }

  /**
   * Writes one profile: term count, term hash and weight pairs, shingle count, shingle hashes,
   * headline term count, headline terms.
   *
   * @return the bytes written
   */
  static long writeProfile(DataOutput out, TextProfile profile) throws IOException {
    out.writeInt(profile.terms().length);
    for (int i = 0; i < profile.terms().length; i++) {
      out.writeLong(profile.terms()[i]);
      out.writeFloat(profile.weights()[i]);
    }
    out.writeInt(profile.shingles().length);
    for (long s : profile.shingles()) {
      out.writeLong(s);
    }
    out.writeByte(profile.headline().length); // at most TextProfile.HEADLINE
    for (short h : profile.headline()) {
      out.writeShort(h);
    }
    return 4
        + 12L * profile.terms().length
        + 4
        + 8L * profile.shingles().length
        + 1
        + 2L * profile.headline().length;
  }

  /**
   * Starts a new file for a token. Entries must be added in publication order (time, then key as
   * unsigned); the file appears under its name only when {@link Writer#finish()} has forced it to
   * disk.
   *
   * @param dir the folder of profile files, created when absent
   * @param token the new token: letters, digits and '-' only
   * @param settings the settings' description the profiles are made with
   */
  public static Writer create(Path dir, String token, String settings) {
    if (!validToken(token)) {
      throw new IllegalArgumentException("not a token: " + token);
    }
    return new Writer(dir, token, settings);
  }

  /** Writes a profile file; not thread-safe. */
  public static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final FileChannel channel;
    private final DataOutputStream out;
    private long written;
    private final ProfileIndex index = new ProfileIndex();
    private long[] texts = new long[1024];
    private boolean finished;

    private Writer(Path dir, String token, String settings) {
      this.target = path(dir, token);
      this.partial = dir.resolve(PREFIX + token + ".partial");
      try {
        Files.createDirectories(dir);
        this.channel =
            FileChannel.open(
                partial,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream raw = Channels.newOutputStream(channel);
        this.out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(token);
        out.writeUTF(settings);
        written = out.size();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the text profiles in " + dir, e);
      }
    }

    /**
     * Appends an article's profile.
     *
     * @throws IllegalArgumentException when it does not come after the previous one
     */
    public void add(long key, long time, TextProfile profile) {
      begin(key, time, profile.fingerprint());
      try {
        written += 16 + writeProfile(out, profile);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the text profiles " + partial, e);
      }
    }

    /** Appends a profile as another file stored it ({@link Cursor#copyTo}). */
    private void addStored(long key, long time, long fingerprint, byte[] profile, int length) {
      begin(key, time, fingerprint);
      try {
        out.write(profile, 0, length);
        written += 16 + length;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the text profiles " + partial, e);
      }
    }

    /** Checks the order, indexes the entry and writes its key and time. */
    private void begin(long key, long time, long fingerprint) {
      int last = index.size() - 1;
      if (last >= 0) {
        int order = Long.compare(time, index.time(last));
        if (order < 0 || (order == 0 && Long.compareUnsigned(key, index.key(last)) <= 0)) {
          throw new IllegalArgumentException("profiles must come in publication order");
        }
      }
      if (index.size() == texts.length) {
        texts = Arrays.copyOf(texts, texts.length * 2);
      }
      texts[index.size()] = fingerprint;
      index.add(key, time, written);
      try {
        out.writeLong(key);
        out.writeLong(time);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the text profiles " + partial, e);
      }
    }

    /** How many profiles were added. */
    public int count() {
      return index.size();
    }

    /** Writes the index, forces the file to disk and gives it its name. */
    public void finish() {
      try {
        long indexAt = written;
        for (int i = 0; i < index.size(); i++) {
          out.writeLong(index.key(i));
          out.writeLong(index.time(i));
          out.writeLong(index.offset(i));
          out.writeLong(texts[i]);
        }
        out.writeLong(indexAt);
        out.writeInt(index.size());
        out.writeInt(MAGIC);
        out.flush();
        channel.force(true);
        out.close();
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the text profiles " + partial, e);
      }
    }

    @Override
    public void close() {
      if (!finished) {
        try {
          out.close();
        } catch (IOException e) {
          // abandoned
        }
        try {
          Files.deleteIfExists(partial);
        } catch (IOException e) {
          // a left-over partial file is removed by the next removeAllBut
        }
      }
    }
  }

  /** Removes every profile file (and partial one) in a folder but the token's. */
  public static void removeAllBut(Path dir, String token) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    String keep = token == null ? null : path(dir, token).getFileName().toString();
    try (var files = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path f : files) {
        if (!f.getFileName().toString().equals(keep)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      // stale files are never read (their token is not the store's); removed another time
    }
  }

  private static boolean validToken(String token) {
    return !token.isEmpty() && token.length() <= 64 && token.matches("[A-Za-z0-9-]+");
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long at)
      throws IOException {
    long position = at;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position);
      if (n < 0) {
        throw new EOFException("the profile file ends early");
      }
      position += n;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }
}
