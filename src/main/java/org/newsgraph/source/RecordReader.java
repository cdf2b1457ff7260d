package org.newsgraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.newsgraph.model.Article;
import org.newsgraph.model.Entity;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;

/**
 * Reads record files, recognised by content as much as by name: Markdown with YAML front matter
 * ({@code .md}, or any file starting with {@code ---}), plain YAML ({@code .yaml}, {@code .yml}),
 * JSON API pages ({@code {"page": n, "value": [records...]}}, or one JSON record), and RSS or Atom
 * feeds ({@code .xml}, {@code .rss}, {@code .atom}, gzip or not, or a file whose first element is
 * {@code rss}, {@code feed} or {@code rdf:RDF}; see {@link FeedReader}), saved article pages
 * ({@code .html}, {@code .htm}, gzip too; see {@link PageReader}) and WARC files ({@code .warc},
 * {@code .warc.gz}, streamed; see {@link WarcReader}). A mapping with a {@code taxonomy} key is a
 * topic, tag or organization record; any other mapping is an article. Every failure becomes a
 * positioned {@link Problem}; this class never throws for bad input. Thread-safe.
 */
public final class RecordReader {

  private final ReaderLimits limits;
  private final YamlReader yaml;
  private final ArticleBinder binder = new ArticleBinder();
  private final FeedReader feeds;
  private final PageReader pages;
  private final WarcReader warcs;

  /** A reader with the given limits. */
  public RecordReader(ReaderLimits limits) {
    this.limits = limits;
    this.yaml = new YamlReader(limits);
    this.feeds = new FeedReader(limits);
    this.pages = new PageReader(limits);
    this.warcs = new WarcReader(limits, pages);
  }

  /**
   * Reads one file.
   *
   * @param file the file
   * @param name how to name the file in problems
   * @return the records and problems; no records when any error was found
   */
  public ReadResult read(Path file, String name) {
    String text;
    try {
      String fileName = file.getFileName().toString();
      if (WarcReader.isWarcName(fileName)) {
        return warcs.read(file, name); // streamed: a WARC is never read whole
      }
      if (!hasRecordExtension(fileName)) { // feeds, pages, and files named only by their content
        return read(SourceText.readBytes(file, limits), file, name);
      }
      text = SourceText.read(file, limits);
    } catch (SourceException e) {
      return new ReadResult(List.of(), List.of(e.toProblem(name)));
    } catch (IOException e) {
      return new ReadResult(
          List.of(),
          List.of(Problem.error(name, Position.START, "cannot read file: " + e.getMessage())));
    }
    return readText(text, name, formatOf(file.getFileName().toString(), text));
  }

  /**
   * Reads one file whose bytes the caller has already read (to hash them), so the file is read from
   * disk once. The caller must have applied {@link #limits()}'s size cap before reading.
   *
   * @param bytes the file's content
   * @param file the file, whose name decides the format as in {@link #read(Path, String)}
   * @param name how to name the file in problems
   * @return the records and problems; no records when any error was found
   */
  public ReadResult read(byte[] bytes, Path file, String name) {
    String fileName = file.getFileName().toString();
    if (WarcReader.isWarcName(fileName)) {
      return warcs.read(new java.io.ByteArrayInputStream(bytes), name);
    }
    if (PageReader.isPageName(fileName)) {
      return pages.read(bytes, name);
    }
    if (FeedReader.isFeedName(fileName) || FeedReader.kindOf(head(bytes)) == FeedReader.Kind.FEED) {
      return feeds.read(bytes, name, modifiedMillis(file));
    }
    if (!hasRecordExtension(fileName)) {
      // a file named on the command line, whatever its name, that is a WARC or an HTML document
      if (WarcReader.looksLikeWarc(head(bytes))) {
        return warcs.read(new java.io.ByteArrayInputStream(bytes), name);
      }
      if (FeedReader.kindOf(head(bytes)) == FeedReader.Kind.HTML || looksLikeHtml(bytes)) {
        return pages.read(bytes, name);
      }
    }
    String text;
    try {
      text = SourceText.decode(bytes);
    } catch (SourceException e) {
      return new ReadResult(List.of(), List.of(e.toProblem(name)));
    }
    return readText(text, name, formatOf(file.getFileName().toString(), text));
  }

  /**
   * The kind of input a file that was read before is, by its name alone (the walker offers an
   * {@code .xml} file only when it is a feed or a page, and only a feed can have been stored): for
   * the summary's count of unchanged files.
   *
   * @return {@code WARC}, {@code page}, {@code feed} or {@code record}
   */
  public static String kindOfName(String path) {
    Path file = Path.of(path).getFileName();
    String name = file == null ? path : file.toString();
    if (WarcReader.isWarcName(name)) {
      return "WARC";
    }
    if (PageReader.isPageName(name)) {
      return "page";
    }
    return FeedReader.isFeedName(name) ? "feed" : "record";
  }

  /** The limits this reader applies. */
  public ReaderLimits limits() {
    return limits;
  }

  /**
   * Reads one input from a stream (standard input), recognised by content: front matter when the
   * text starts with {@code ---}, JSON when it starts with <code>{</code>, otherwise plain YAML.
   *
   * @param in the stream; not closed
   * @param name how to name the input in problems
   * @return the records and problems; no records when any error was found
   */
  public ReadResult read(InputStream in, String name) {
    try {
      byte[] bytes = SourceText.readBytes(in, limits);
      if (FeedReader.kindOf(head(bytes)) == FeedReader.Kind.FEED) {
        return feeds.read(bytes, name, Long.MIN_VALUE);
      }
      if (WarcReader.looksLikeWarc(head(bytes))) {
        return warcs.read(new java.io.ByteArrayInputStream(bytes), name);
      }
      if (FeedReader.kindOf(head(bytes)) == FeedReader.Kind.HTML || looksLikeHtml(bytes)) {
        return pages.read(bytes, name);
      }
      String text = SourceText.decode(bytes);
      return readText(text, name, formatOf("", text));
    } catch (SourceException e) {
      return new ReadResult(List.of(), List.of(e.toProblem(name)));
    } catch (IOException e) {
      return new ReadResult(
          List.of(),
          List.of(Problem.error(name, Position.START, "cannot read input: " + e.getMessage())));
    }
  }

  private static boolean hasRecordExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return lower.endsWith(".md")
        || lower.endsWith(".markdown")
        || lower.endsWith(".yaml")
        || lower.endsWith(".yml")
        || lower.endsWith(".json");
  }

  /** Text that starts with an HTML doctype (the first element test misses it). */
  private static boolean looksLikeHtml(byte[] bytes) {
    String head =
        new String(head(bytes), java.nio.charset.StandardCharsets.ISO_8859_1)
            .replaceFirst("^\u00EF\u00BB\u00BF", "")
            .stripLeading()
            .toLowerCase(Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  private static byte[] head(byte[] bytes) {
    return bytes.length <= 4096 ? bytes : java.util.Arrays.copyOf(bytes, 4096);
  }

  /** A file's modification time (a feed snapshot's time when the feed gives none), or none. */
  private static long modifiedMillis(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException | UncheckedIOException e) {
      return Long.MIN_VALUE;
    }
  }

  private enum Format {
    MARKDOWN,
    YAML,
    JSON
  }

  private ReadResult readText(String text, String name, Format format) {
    List<Problem> problems = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    try {
      String body = null;
      List<YamlValue> documents;
      if (format == Format.JSON) {
        documents = JsonReader.read(text, limits);
      } else if (format == Format.MARKDOWN) {
        FrontMatter split = FrontMatter.split(text);
        body = split.body();
        documents = yaml.readAll(split.yaml(), 0);
      } else {
        documents = yaml.readAll(text, 0);
      }
      if (documents.isEmpty()) {
        problems.add(Problem.error(name, Position.START, "empty record: no YAML mapping found"));
      } else if (documents.size() > 1) {
        problems.add(
            Problem.error(
                name,
                documents.get(1).position(),
                "more than one YAML document; a record file holds one"));
      } else if (!(documents.get(0) instanceof YamlValue.Mapping root)) {
        problems.add(
            Problem.error(
                name,
                documents.get(0).position(),
                "a record must be a mapping, found " + documents.get(0).kindName()));
      } else {
        bindRoot(root, body, name, problems, records);
      }
    } catch (SourceException e) {
      problems.add(e.toProblem(name));
    }
    boolean rejected = problems.stream().anyMatch(Problem::isError);
    return new ReadResult(rejected ? List.of() : records, problems);
  }

  private void bindRoot(
      YamlValue.Mapping root,
      String body,
      String name,
      List<Problem> problems,
      List<Record> records) {
    if (root.get("taxonomy") != null) {
      Entity entity = TaxonomyBinder.bind(root, name, problems);
      if (entity != null) {
        records.add(new Record(name, entity));
      }
    } else if (root.get("value") instanceof YamlValue.Sequence && root.get("title") == null) {
      bindPage(root, name, problems, records);
    } else {
      Article article = binder.bind(root, body, name, problems);
      if (article != null) {
        records.add(new Record(name, article));
      }
    }
  }

  /** A JSON API page: one article record per item of {@code value}. */
  private void bindPage(
      YamlValue.Mapping root, String name, List<Problem> problems, List<Record> records) {
    Fields page = new Fields(root, "API page", name, problems);
    page.integer("page"); // page bookkeeping: checked, not data about any article
    for (YamlValue item : page.list("value")) {
      if (item instanceof YamlValue.Mapping entry) {
        Article article = binder.bind(entry, null, name, problems);
        if (article != null) {
          records.add(new Record(name, article, true));
        }
      } else {
        problems.add(
            Problem.error(
                name,
                item.position(),
                "items of 'value' must be article mappings, found " + item.kindName()));
      }
    }
    page.reportUnknown();
  }

  private static Format formatOf(String fileName, String text) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json") || JsonReader.looksLikeJson(text)) {
      return Format.JSON;
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
      return Format.YAML;
    }
    if (lower.endsWith(".md") || lower.endsWith(".markdown") || text.startsWith("---")) {
      return Format.MARKDOWN;
    }
    return Format.YAML;
  }
}
