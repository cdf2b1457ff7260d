package org.newsgraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a file so that readers see the old content or the complete new content, never a part: the
 * content goes to a temporary file beside the target, which is renamed over it only when the
 * writing succeeded. A failure leaves the old file whole and no temporary file behind, and so does
 * a process stopped by a signal that runs the JVM's shutdown hooks (SIGTERM, SIGINT, SIGHUP): the
 * temporary files still being written are deleted then. A target whose name ends in {@code .gz} is
 * written gzip-compressed (what {@code tdb2.tdbloader} and most RDF tools read as it is).
 */
public final class AtomicFile {

  /** What writes the content; the stream is closed by {@link AtomicFile}. */
  @FunctionalInterface
  public interface Content {
    /** Writes the whole content. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** The temporary files being written now, deleted by the shutdown hook when the JVM stops. */
  private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Path temp : IN_PROGRESS) {
                    try {
                      Files.deleteIfExists(temp);
                    } catch (IOException e) {
                      // the JVM is stopping: nothing better to do with it
                    }
                  }
                },
                "newsgraph-atomic-file-cleanup"));
  }

  private AtomicFile() {}

  /** Whether a file is written gzip-compressed: its name ends in {@code .gz}. */
  public static boolean gzipped(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
  }

  private static OutputStream open(Path temp, boolean gzip) throws IOException {
    OutputStream out = Files.newOutputStream(temp);
    if (!gzip) {
      return out;
    }
    try {
      return new GZIPOutputStream(out, 1 << 16);
    } catch (IOException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Replaces a file's content.
   *
   * @param file the file to (re)write; its folder must exist
   * @param content writes the new content
   * @throws IOException when the file cannot be written; the old file, if any, is untouched
   */
  public static void write(Path file, Content content) throws IOException {
    Path target = file.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    IN_PROGRESS.add(temp);
    try {
      try (OutputStream out = open(temp, gzipped(target))) {
        content.writeTo(out);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try {
        Files.deleteIfExists(temp);
      } finally {
        IN_PROGRESS.remove(temp);
      }
    }
  }
}
