package org.newsgraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.newsgraph.model.Article;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;

/**
 * Reads WARC 1.0 and 1.1 files (plain, or gzip-compressed record by record as crawlers write them)
 * with jwarc, streaming: one record at a time is in memory, and of it at most the size cap of its
 * payload. Every {@code response} record of an HTTP 200 response whose content type is {@code
 * text/html} or {@code application/xhtml+xml} is a page read as {@link PageReader} reads saved
 * pages, its {@code WARC-Target-URI} the page's base URL and the fallback identity; its chunked and
 * gzip (or deflate, brotli) content encodings are decoded. Every other record is skipped and
 * counted by reason. A problem in a page is named {@code FILE@OFFSET} (the record's byte offset in
 * the file, as WARC indexes give it) with the position in the page; a page that gives no article is
 * a warning there, never a reason to refuse the file. Thread-safe.
 */
final class WarcReader {

  private final ReaderLimits limits;
  private final PageReader pages;

  WarcReader(ReaderLimits limits, PageReader pages) {
    this.limits = limits;
    this.pages = pages;
  }

  /** True for the names of WARC files: {@code .warc} and {@code .warc.gz}. */
  static boolean isWarcName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return name.endsWith(".warc") || name.endsWith(".warc.gz");
  }

  /** True when the first bytes start a WARC record ({@code WARC/1.x}), gzip looked into. */
  static boolean looksLikeWarc(byte[] head) {
    byte[] bytes = head;
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
      try (InputStream in =
          new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(head))) {
        bytes = in.readNBytes(16);
      } catch (IOException e) {
        return false;
      }
    }
    return new String(
            bytes, 0, Math.min(bytes.length, 6), java.nio.charset.StandardCharsets.US_ASCII)
        .equals("WARC/1");
  }

  /** Reads a WARC file from disk, streaming (the file is never read whole). */
  ReadResult read(Path file, String name) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return read(new org.netpreserve.jwarc.WarcReader(channel), name);
    } catch (IOException e) {
      return new ReadResult(
          List.of(),
          List.of(Problem.error(name, Position.START, "cannot read WARC file: " + e.getMessage())),
          "WARC");
    }
  }

  /** Reads a WARC from a stream (not closed), record by record. */
  ReadResult read(InputStream in, String name) {
    try {
      return read(new org.netpreserve.jwarc.WarcReader(new NonClosing(in)), name);
    } catch (IOException e) {
      return new ReadResult(
          List.of(),
          List.of(Problem.error(name, Position.START, "cannot read WARC: " + e.getMessage())),
          "WARC");
    }
  }

  private ReadResult read(org.netpreserve.jwarc.WarcReader warc, String name) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<Record> records = new ArrayList<>();
    Map<String, Long> skipped = new TreeMap<>();
    try (warc) {
      long last = -1; // where the last record read starts (jwarc's position after next())
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = warc.next();
        } catch (IOException | RuntimeException e) {
          String where =
              last < 0 ? "at the start of the file" : "after the record at byte offset " + last;
          problems.add(
              Problem.error(
                  name + "@" + Math.max(0, last),
                  Position.START,
                  "malformed WARC record "
                      + where
                      + ": "
                      + e.getMessage()
                      + " (nothing after it can be found, so the file is left out)"));
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        last = warc.position();
        String why;
        try {
          why = page(next.get(), name, last, problems, records);
        } catch (IOException | RuntimeException e) {
          // a header jwarc cannot parse (a malformed Content-Type...): this capture only
          problems.add(
              Problem.warning(
                  name + "@" + last,
                  Position.START,
                  "WARC record cannot be read: " + e.getMessage()));
          why = "malformed record";
        }
        if (why != null) {
          skipped.merge(why, 1L, Long::sum);
        }
      }
    }
    if (records.isEmpty() && problems.stream().noneMatch(Problem::isError)) {
      problems.add(
          Problem.warning(
              name, Position.START, "WARC file holds no HTML page that gives an article"));
    }
    boolean rejected = problems.stream().anyMatch(Problem::isError);
    return new ReadResult(rejected ? List.of() : records, problems, "WARC", skipped);
  }

  /**
   * Reads one record.
   *
   * @return null when it gave an article, else why it was skipped
   */
  private String page(
      WarcRecord record, String name, long offset, List<Problem> problems, List<Record> records)
      throws IOException {
    if (!(record instanceof WarcResponse response)) {
      return record.type() + " (not a response)";
    }
    String where = name + "@" + offset;
    HttpResponse http;
    try {
      if (!response.contentType().base().equals(MediaType.HTTP_RESPONSE.base())
          && !response.contentType().base().toString().equals("application/http")) {
        return "response not HTTP";
      }
      http = response.http();
    } catch (IOException | RuntimeException e) {
      problems.add(
          Problem.warning(
              where,
              Position.START,
              "response record's HTTP message is malformed: " + e.getMessage()));
      return "malformed HTTP response";
    }
    if (http.status() != 200) {
      return "HTTP status not 200";
    }
    MediaType type = http.contentType();
    String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
    if (!base.equals("text/html") && !base.equals("application/xhtml+xml")) {
      return "not HTML";
    }
    byte[] payload;
    try (InputStream in = http.bodyDecoded().stream()) {
      payload = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
    } catch (IOException | RuntimeException e) {
      problems.add(
          Problem.warning(
              where,
              Position.START,
              "cannot read or decode the page's payload: " + e.getMessage()));
      return "payload unreadable";
    }
    if (payload.length > limits.maxFileBytes()) {
      problems.add(
          Problem.warning(
              where,
              Position.START,
              "page of "
                  + response.target()
                  + " is larger than the limit of "
                  + limits.maxFileBytes()
                  + " bytes (raise it with --max-file-size); skipped"));
      return "payload over the size limit";
    }
    String charset = type.parameters().get("charset");
    List<Problem> found = new ArrayList<>();
    Article article =
        pages.article(payload, charset, response.target(), new PageReader.Sink(where, found));
    for (Problem p : found) {
      // A page that gives no article leaves the rest of the capture good.
      problems.add(p.isError() ? Problem.warning(p.source(), p.position(), p.message()) : p);
    }
    if (article == null) {
      return "no article in the page";
    }
    records.add(new Record(where, article, true));
    return null;
  }

  /** Keeps jwarc from closing a stream it was lent. */
  private static final class NonClosing extends java.io.FilterInputStream {
    NonClosing(InputStream in) {
      super(in);
    }

    @Override
    public void close() {}
  }
}
