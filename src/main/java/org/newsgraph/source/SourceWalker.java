package org.newsgraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds record files under the paths a user names, streaming: directories are visited as they are
 * listed, never collected. Hidden files and folders (dot names) are skipped; files that are neither
 * records by extension nor by content (their first line) are skipped and counted. A file named
 * directly by the user is always offered.
 */
public final class SourceWalker {

  private static final Set<String> RECORD_EXTENSIONS =
      Set.of("md", "markdown", "yaml", "yml");

  private long skipped;

  /** Creates a walker with a zero skip count. */
  public SourceWalker() {}

  /**
   * Walks one path.
   *
   * @param root a file or a directory
   * @param sink receives every candidate file
   * @throws UncheckedIOException when a directory cannot be listed
   */
  public void walk(Path root, Consumer<Path> sink) {
    if (Files.isRegularFile(root)) {
      sink.accept(root);
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && isHidden(dir)) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && !isHidden(file) && isCandidate(file)) {
            sink.accept(file);
          } else {
            skipped++;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many files were skipped as hidden or unrelated so far. */
  public long skipped() {
    return skipped;
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isCandidate(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    if (RECORD_EXTENSIONS.contains(extension)) {
      return true;
    }
    if (extension.equals("json")) {
      // Sites hold other JSON (feeds, manifests); only API pages and single records are records.
      String head = head(file, 512);
      return head.startsWith("{") && (head.contains("\"page\"") || head.contains("\"value\"")
          || head.contains("\"webUrl\"") || head.contains("\"title\""));
    }
    // Real sites have records with no extension or a domain as their name (theguardian.com).
    return startsLikeRecord(file);
  }

  private static boolean startsLikeRecord(Path file) {
    String start = head(file, 64);
    return start.startsWith("---") || start.startsWith("taxonomy:") || start.startsWith("_id:");
  }

  /** The first bytes of a file as text, without a byte-order mark or leading white space. */
  private static String head(Path file, int bytes) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
      return (head.startsWith("\uFEFF") ? head.substring(1) : head).stripLeading();
    } catch (IOException e) {
      return "";
    }
  }
}
