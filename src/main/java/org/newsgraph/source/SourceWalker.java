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
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds record files under the paths a user names, streaming: directories are visited as they are
 * listed, never collected. Files are recognised by their first 4 KB as much as by name: Markdown
 * with front matter, YAML holding a record key ({@code title}, {@code webUrl}, {@code taxonomy}...),
 * JSON API pages, and files with no extension that start like a record. Hidden files and folders
 * (dot names), Jekyll's {@code _config.yml} and every other file are skipped and counted; a binary
 * file with a record extension is offered so that the reader reports it. A file named directly by
 * the user is always offered.
 */
public final class SourceWalker {

  private static final Set<String> RECORD_EXTENSIONS =
      Set.of("md", "markdown", "yaml", "yml");
  /** Jekyll's site configuration: YAML with a title, never a record. */
  private static final Set<String> SITE_CONFIG = Set.of("_config.yml", "_config.yaml");
  private static final int HEAD_BYTES = 4096;
  private static final Pattern RECORD_KEY = Pattern.compile(
      "(?m)^[\"']?(taxonomy|_id|title|webUrl|originalUrl|excerpt|publishedDateTime|provider)[\"']?[ \\t]*:");

  private final BiPredicate<Path, BasicFileAttributes> known;
  private long skipped;

  /** Creates a walker with a zero skip count that looks into every file it offers. */
  public SourceWalker() {
    this((file, attributes) -> false);
  }

  /**
   * Creates a walker that offers the files {@code known} accepts without looking into them: files the
   * caller read as records before and whose attributes say they have not changed since.
   *
   * @param known called on the walking thread with a regular, non-hidden file and its attributes
   */
  public SourceWalker(BiPredicate<Path, BasicFileAttributes> known) {
    this.known = known;
  }

  /**
   * Walks one path.
   *
   * @param root a file or a directory
   * @param sink receives every candidate file
   * @throws UncheckedIOException when a directory cannot be listed
   */
  public void walk(Path root, Consumer<Path> sink) {
    walk(root, sink, sink);
  }

  /**
   * Walks one path, handing the files the walker's {@code known} predicate accepted to their own
   * sink (they were not looked into).
   *
   * @param root a file or a directory
   * @param sink receives every other candidate file
   * @param knownSink receives the known files
   * @throws UncheckedIOException when a directory cannot be listed
   */
  public void walk(Path root, Consumer<Path> sink, Consumer<Path> knownSink) {
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
          if (!attrs.isRegularFile() || isHidden(file)) {
            skipped++;
          } else if (known.test(file, attrs)) {
            knownSink.accept(file);
          } else if (isCandidate(file)) {
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
    if (SITE_CONFIG.contains(name)) {
      return false;
    }
    String head = head(file, HEAD_BYTES);
    if (isBinary(head)) {
      return RECORD_EXTENSIONS.contains(extension); // offered, so the reader reports the byte offset
    }
    return switch (extension) {
      // A Markdown file without front matter is a page (README, CHANGELOG), not a record.
      case "md", "markdown" -> head.startsWith("---");
      // Other YAML data of a site (navigation, authors) has none of the keys records start with.
      case "yaml", "yml" -> RECORD_KEY.matcher(head).find();
      // Sites hold other JSON (feeds, manifests); only API pages and single records are records.
      case "json" -> head.startsWith("{") && (head.contains("\"page\"") || head.contains("\"value\"")
          || head.contains("\"webUrl\""));
      // Real sites have records with no extension or a domain as their name (theguardian.com).
      default -> head.startsWith("---") || head.startsWith("taxonomy:") || head.startsWith("_id:");
    };
  }

  private static boolean isBinary(String head) {
    // The last bytes may cut a multi-byte character in two; that is not a sign of binary content.
    String whole = head.length() > 4 ? head.substring(0, head.length() - 4) : head;
    return head.indexOf('\u0000') >= 0 || whole.indexOf('\uFFFD') >= 0;
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
