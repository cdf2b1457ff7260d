package org.newsgraph.subscribe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The archive of fetched snapshots: one folder per feed, named from its host and path ({@code
 * https://example.com/news/feed.xml} → {@code example.com_news_feed.xml}), holding every version
 * that was fetched as a file named by its fetch time in UTC ({@code 2026-12-07T08-15-00Z.xml}), the
 * server's bytes exactly (content encoding undone), or those bytes gzipped ({@code …Z.xml.gz}) when
 * the archive is made to compress. The feed's state (its URL and validators) and the temporary
 * files of writes are in the folder's hidden {@code .newsgraph/} folder, which {@code ingest} does
 * not look into. Every file is written to a temporary file, forced to disk and renamed, so a crash
 * leaves either the whole snapshot or none.
 */
public final class FeedArchive {

  /** The hidden folder, inside each feed's folder, of its state and of unfinished writes. */
  static final String STATE_DIR = ".newsgraph";

  static final String STATE_FILE = "state.properties";

  private static final DateTimeFormatter SNAPSHOT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final int MAX_NAME = 100;

  private final Path root;
  private final boolean gzip;

  /**
   * @param root the archive folder (created when the first feed is archived)
   */
  public FeedArchive(Path root) {
    this(root, false);
  }

  /**
   * @param root the archive folder (created when the first feed is archived)
   * @param gzip whether new snapshots are written gzipped ({@code .xml.gz}); either kind is read
   */
  public FeedArchive(Path root, boolean gzip) {
    this.root = root;
    this.gzip = gzip;
  }

  /** The archive folder. */
  public Path root() {
    return root;
  }

  /**
   * The folder of a feed: its name from the host and path, or, when a folder of that name belongs
   * to another URL (two URLs that differ only in characters a file name cannot hold), that name
   * with the first 8 hex digits of the SHA-256 of the URL added.
   */
  Folder folderFor(URI url) throws IOException {
    String key = url.toString();
    String name = baseName(url);
    Path dir = root.resolve(name);
    FeedState state = FeedState.read(dir.resolve(STATE_DIR).resolve(STATE_FILE));
    if (state != null && state.url() != null && !state.url().equals(key)) {
      dir = root.resolve(name + "-" + hash8(key));
      state = FeedState.read(dir.resolve(STATE_DIR).resolve(STATE_FILE));
    }
    return new Folder(dir, key, state == null ? FeedState.fresh(key) : state, gzip);
  }

  /** The folder name of a URL: host, port when not the default, path and query, made file-safe. */
  static String baseName(URI url) {
    StringBuilder s = new StringBuilder(url.getHost() == null ? "feed" : url.getHost());
    if (url.getPort() != -1) {
      s.append('_').append(url.getPort());
    }
    if (url.getRawPath() != null) {
      s.append(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      s.append('_').append(url.getRawQuery());
    }
    String name =
        s.toString()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.-]+", "_")
            .replaceAll("^[_.]+|[_.]+$", "");
    if (name.isEmpty()) {
      name = "feed";
    }
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME) + "-" + hash8(url.toString());
    }
    return name;
  }

  private static String hash8(String text) {
    try {
      byte[] sha =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The file name of a snapshot fetched at a time: {@code 2026-12-07T08-15-00Z.xml}. */
  static String snapshotName(Instant at) {
    return SNAPSHOT_TIME.format(at.truncatedTo(ChronoUnit.SECONDS)) + ".xml";
  }

  /** One feed's folder. */
  static final class Folder {
    private final Path dir;
    private final String url;
    private FeedState state;
    private final boolean gzip;

    Folder(Path dir, String url, FeedState state, boolean gzip) {
      this.dir = dir;
      this.url = url;
      this.state = state;
      this.gzip = gzip;
    }

    Path dir() {
      return dir;
    }

    String url() {
      return url;
    }

    FeedState state() {
      return state;
    }

    /**
     * The latest snapshot (the greatest name without {@code .gz}: names sort in time order), or
     * null.
     */
    Path latest() throws IOException {
      if (!Files.isDirectory(dir)) {
        return null;
      }
      Path latest = null;
      try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{xml,xml.gz}")) {
        for (Path file : files) {
          String name = stem(file);
          if (!name.startsWith(".")
              && Files.isRegularFile(file)
              && (latest == null || name.compareTo(stem(latest)) > 0)) {
            latest = file;
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return latest;
    }

    /** A snapshot's bytes as fetched: a {@code .gz} snapshot is inflated. */
    static byte[] bytesOf(Path snapshot) throws IOException {
      if (!snapshot.getFileName().toString().endsWith(".gz")) {
        return Files.readAllBytes(snapshot);
      }
      try (InputStream in = new GZIPInputStream(Files.newInputStream(snapshot))) {
        return in.readAllBytes();
      }
    }

    private static String stem(Path file) {
      String name = file.getFileName().toString();
      return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /**
     * Writes a new snapshot, named by its fetch time ({@code _2}, {@code _3}... added when that
     * second already has one, so that names keep sorting in time order).
     *
     * @return the file written
     */
    Path writeSnapshot(byte[] body, Instant at) throws IOException {
      Files.createDirectories(dir);
      String name = snapshotName(at);
      String base = name.substring(0, name.length() - ".xml".length());
      for (int n = 2;
          Files.exists(dir.resolve(name)) || Files.exists(dir.resolve(name + ".gz"));
          n++) {
        name = base + "_" + n + ".xml";
      }
      Path target = dir.resolve(gzip ? name + ".gz" : name);
      if (gzip) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
          out.write(body);
        }
        writeAtomically(target, zipped.toByteArray());
      } else {
        writeAtomically(target, body);
      }
      return target;
    }

    /** Records the state, atomically. */
    void saveState(FeedState next) throws IOException {
      Files.createDirectories(dir);
      writeAtomically(dir.resolve(STATE_DIR).resolve(STATE_FILE), next.toBytes());
      state = next;
    }

    /** Removes temporary files a crash left in the state folder. */
    void removeLeftovers() throws IOException {
      Path temp = dir.resolve(STATE_DIR);
      if (!Files.isDirectory(temp)) {
        return;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(temp, "*.tmp")) {
        for (Path file : files) {
          Files.deleteIfExists(file);
        }
      }
    }

    private void writeAtomically(Path target, byte[] bytes) throws IOException {
      Path temp = Files.createDirectories(dir.resolve(STATE_DIR));
      Path file = Files.createTempFile(temp, "write-", ".tmp");
      try {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ByteBuffer buffer = ByteBuffer.wrap(bytes);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(true);
        }
        Files.move(
            file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(target.getParent());
      } finally {
        Files.deleteIfExists(file);
      }
    }

    /**
     * Forces a folder's entries to disk, so that a rename survives a crash (where the OS allows).
     */
    private static void forceDirectory(Path folder) {
      try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
        channel.force(true);
      } catch (IOException | UnsupportedOperationException e) {
        // not every platform can open a folder as a channel; the rename itself is still atomic
      }
    }
  }
}
