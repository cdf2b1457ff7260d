package org.newsgraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds record files under the paths a user names, streaming: directories are visited as they are
 * listed, never collected. Files are recognised by their first 4 KB as much as by name: Markdown
 * with front matter, YAML holding a record key ({@code title}, {@code webUrl}, {@code
 * taxonomy}...), JSON API pages, RSS and Atom feeds ({@code .rss}, {@code .atom}, and {@code .xml}
 * whose first element is a feed's or a web page's; gzip too), saved pages ({@code .html}, {@code
 * .htm}, gzip too, that start as a whole HTML document and are no template), WARC files ({@code
 * .warc}, {@code .warc.gz} starting with a WARC record), and files with no extension that start
 * like a record. Hidden files and folders (dot names), Jekyll's {@code _config.yml} and every other
 * file are skipped and counted by {@link Skip reason}; a binary file with a record extension is
 * offered so that the reader reports it. Symbolic links are followed, to files and to folders; a
 * link that leads back into a folder being walked, or nowhere, is skipped with its reason. A file
 * named directly by the user is always offered.
 */
public final class SourceWalker {

  /** Why a file was not offered. */
  public enum Skip {
    /** A dot name, or inside a dot folder. */
    HIDDEN("hidden"),
    /** Not a record by its name and first bytes (images, Markdown without front matter...). */
    NOT_A_RECORD("not a record"),
    /** An XML file ({@code .xml}) that is neither a feed nor a web page (a sitemap...). */
    NOT_A_FEED("XML, not a feed"),
    /**
     * An HTML file ({@code .html}, {@code .htm}) that is not a whole page: a fragment (no doctype
     * nor {@code <html>} element first) or a template (Liquid or Jinja {@code {{ }}} / {@code {%
     * %}} in its head).
     */
    NOT_A_PAGE("HTML, not a page"),
    /** A file named {@code .warc} or {@code .warc.gz} that does not start with a WARC record. */
    NOT_A_WARC("not a WARC file"),
    /** Jekyll's site configuration. */
    SITE_CONFIG("site configuration"),
    /** A device, pipe or socket. */
    NOT_A_FILE("not a regular file"),
    /** A symbolic link to a folder that contains it. */
    LINK_LOOP("symbolic link loop"),
    /** A symbolic link to nothing. */
    BROKEN_LINK("broken symbolic link");

    private final String text;

    Skip(String text) {
      this.text = text;
    }

    /** How the summary names the reason. */
    public String text() {
      return text;
    }
  }

  private static final Set<String> RECORD_EXTENSIONS =
      Set.of("md", "markdown", "yaml", "yml", "json");

  /** Jekyll's site configuration: YAML with a title, never a record. */
  private static final Set<String> SITE_CONFIG = Set.of("_config.yml", "_config.yaml");

  private static final int HEAD_BYTES = 4096;
  private static final Pattern RECORD_KEY =
      Pattern.compile(
          "(?m)^[\"']?(taxonomy|_id|title|webUrl|originalUrl|excerpt|publishedDateTime|provider)[\"']?[ \\t]*:");

  private final BiPredicate<Path, BasicFileAttributes> known;
  private final Map<Skip, Long> skipped = Collections.synchronizedMap(new EnumMap<>(Skip.class));

  /** Creates a walker with a zero skip count that looks into every file it offers. */
  public SourceWalker() {
    this((file, attributes) -> false);
  }

  /**
   * Creates a walker that offers the files {@code known} accepts without looking into them: files
   * the caller read as records before and whose attributes say they have not changed since.
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
    walk(root, sink, sink, (file, why) -> {});
  }

  /**
   * Walks one path, handing the files the walker's {@code known} predicate accepted to their own
   * sink (they were not looked into).
   *
   * @param root a file or a directory
   * @param sink receives every other candidate file
   * @param knownSink receives the known files
   * @param skipSink receives every file skipped, with the reason (hidden folders are not entered)
   * @throws UncheckedIOException when a directory cannot be listed
   */
  public void walk(
      Path root, Consumer<Path> sink, Consumer<Path> knownSink, BiConsumer<Path, Skip> skipSink) {
    if (Files.isRegularFile(root)) {
      sink.accept(root);
      return;
    }
    BiConsumer<Path, Skip> skip =
        (file, why) -> {
          skipped.merge(why, 1L, Long::sum);
          skipSink.accept(file, why);
        };
    try {
      Files.walkFileTree(
          root,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && isHidden(dir)) {
                return FileVisitResult
                    .SKIP_SUBTREE; // .git and the like: not looked into, not counted
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isHidden(file)) {
                skip.accept(file, Skip.HIDDEN);
              } else if (attrs.isSymbolicLink()) {
                skip.accept(
                    file,
                    Skip.BROKEN_LINK); // links are followed: the walk sees a link only when it
                // leads nowhere
              } else if (!attrs.isRegularFile()) {
                skip.accept(file, Skip.NOT_A_FILE);
              } else if (known.test(file, attrs)) {
                knownSink.accept(file);
              } else {
                Skip why = candidate(file);
                if (why == null) {
                  sink.accept(file);
                } else {
                  skip.accept(file, why);
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof FileSystemLoopException) {
                skip.accept(file, Skip.LINK_LOOP);
              } else if (e instanceof NoSuchFileException && Files.isSymbolicLink(file)) {
                skip.accept(file, Skip.BROKEN_LINK);
              } else {
                sink.accept(file); // offered, so that reading it reports why it cannot be read
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many files were skipped so far, whatever the reason. */
  public long skipped() {
    synchronized (skipped) {
      return skipped.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** How many files were skipped so far, by reason (only reasons that occurred), in a copy. */
  public Map<Skip, Long> skippedByReason() {
    synchronized (skipped) {
      return new EnumMap<>(skipped.isEmpty() ? new EnumMap<>(Skip.class) : skipped);
    }
  }

  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** Null when the file is offered, else why not. */
  private static Skip candidate(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (SITE_CONFIG.contains(name)) {
      return Skip.SITE_CONFIG;
    }
    if (WarcReader.isWarcName(name)) {
      return WarcReader.looksLikeWarc(headBytes(file, HEAD_BYTES)) ? null : Skip.NOT_A_WARC;
    }
    if (PageReader.isPageName(name)) {
      return isPage(headBytes(file, HEAD_BYTES)) ? null : Skip.NOT_A_PAGE;
    }
    if (FeedReader.isFeedName(name)) {
      // A feed is XML in any encoding: its first element decides, not whether it is UTF-8.
      // A page saved where a feed was (an HTML error page) is offered, so that it is an error.
      return FeedReader.claimsFeed(name)
              || FeedReader.kindOf(headBytes(file, HEAD_BYTES)) != FeedReader.Kind.OTHER
          ? null
          : Skip.NOT_A_FEED;
    }
    return isCandidate(file, name) ? null : Skip.NOT_A_RECORD;
  }

  /** A whole HTML document by its first bytes (gzip looked into), and not a template. */
  private static boolean isPage(byte[] head) {
    byte[] bytes = head;
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
      try (InputStream in =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(head))) {
        bytes = in.readNBytes(HEAD_BYTES);
      } catch (IOException e) {
        return true; // offered, so that the reader says what is wrong with it
      }
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.contains("{{") || text.contains("{%")) {
      return false;
    }
    String lower =
        text.replaceFirst("^\u00EF\u00BB\u00BF", "").stripLeading().toLowerCase(Locale.ROOT);
    return lower.startsWith("<!doctype html") || FeedReader.kindOf(bytes) == FeedReader.Kind.HTML;
  }

  private static boolean isCandidate(Path file, String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1);
    byte[] bytes = headBytes(file, HEAD_BYTES);
    if (isBinary(bytes, bytes.length < HEAD_BYTES)) {
      return RECORD_EXTENSIONS.contains(
          extension); // offered, so the reader reports the byte offset
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    String head = (text.startsWith("\uFEFF") ? text.substring(1) : text).stripLeading();
    return switch (extension) {
      // A Markdown file without front matter is a page (README, CHANGELOG), not a record.
      case "md", "markdown" -> head.startsWith("---");
      // Other YAML data of a site (navigation, authors) has none of the keys records start with.
      case "yaml", "yml" -> RECORD_KEY.matcher(head).find();
      // Sites hold other JSON (feeds, manifests); only API pages and single records are records.
      case "json" ->
          head.startsWith("{")
              && (head.contains("\"page\"")
                  || head.contains("\"value\"")
                  || head.contains("\"webUrl\""));
      // Real sites have records with no extension or a domain as their name (theguardian.com).
      default -> head.startsWith("---") || head.startsWith("taxonomy:") || head.startsWith("_id:");
    };
  }

  /**
   * True when the first bytes of a file are not text: a NUL or another control character (other
   * than tab, line feed, form feed and carriage return), or bytes that are not UTF-8. A character
   * cut in two by the end of the head is not a sign of binary content unless the file ends there.
   */
  private static boolean isBinary(byte[] head, boolean wholeFile) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = CharBuffer.allocate(head.length + 1);
    CoderResult result = decoder.decode(ByteBuffer.wrap(head), chars, wholeFile);
    if (result.isError() || (wholeFile && decoder.flush(chars).isError())) {
      return true;
    }
    chars.flip();
    while (chars.hasRemaining()) {
      char c = chars.get();
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return true;
      }
    }
    return false;
  }

  /** The first bytes of a file (none when it cannot be read: the reader then says why). */
  private static byte[] headBytes(Path file, int bytes) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(bytes);
    } catch (IOException e) {
      return new byte[0];
    }
  }
}
