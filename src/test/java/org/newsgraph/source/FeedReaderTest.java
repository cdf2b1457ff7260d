package org.newsgraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Problem;

/** RSS and Atom feeds read into article records, and hostile XML refused with positions. */
class FeedReaderTest {

  private static final Path FEEDS = Path.of("src/test/resources/fixtures/feeds");

  @TempDir Path dir;

  private final RecordReader reader = new RecordReader(ReaderLimits.DEFAULT);

  private ReadResult read(String fixture) {
    return reader.read(FEEDS.resolve(fixture), fixture);
  }

  private static List<String> lines(ReadResult result) {
    return result.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void anRss2ItemBecomesAnArticleWithItsBodyImagesAuthorsAndTags() {
    ReadResult result = read("formats/harbour.rss");
    assertEquals(List.of(), lines(result));
    assertEquals(2, result.records().size());
    Record record = result.records().get(0);
    assertTrue(record.pageItem());
    assertEquals(Instant.parse("2024-04-02T09:30:00Z").toEpochMilli(), record.snapshot().time());
    assertEquals("lastBuildDate", record.snapshot().basis());
    Article a = record.article();
    assertEquals("Ferry timetable changes from May", a.title());
    assertEquals("The morning ferry leaves earlier.\nRead more\u2026", a.excerpt());
    assertEquals(
        "The harbour authority said the 07:10 sailing moves to 06:50.\n"
            + "Evening crossings are unchanged.",
        a.extra().content());
    // a relative link is resolved against the channel's link
    assertEquals(
        "https://www.harbour-gazette.example/news/2024/04/ferry-timetable?utm_source=rss",
        a.webUrl());
    assertEquals("hg-1001", a.extra().identifier());
    assertEquals("2024-04-01T07:15:00Z", a.publishedDateTime());
    assertNull(a.updatedDateTime());
    assertEquals("en-gb", a.extra().locale());
    assertEquals(List.of("Transport", "Harbour"), a.extra().tags());
    assertEquals("harbour-gazette.example", a.provider().domain());
    assertEquals("Harbour Gazette & Tides", a.provider().name());
    assertEquals(List.of("Morag Fleet"), a.provider().authors());
    assertEquals(
        List.of("https://www.harbour-gazette.example/logo.png"),
        a.provider().images().stream().map(Image::url).toList());
    // media:content and media:thumbnail are images; the audio enclosure is not
    List<Image> images = a.images();
    assertEquals(
        List.of(
            "https://cdn.harbour-gazette.example/ferry.jpg",
            "https://cdn.harbour-gazette.example/ferry-thumb.jpg"),
        images.stream().map(Image::url).toList());
    assertEquals(1200L, images.get(0).width());
    assertEquals(800L, images.get(0).height());
    assertEquals("The morning ferry", images.get(0).title());
    assertEquals("Photo: A. Gull", images.get(0).attribution());
    Article second = result.records().get(1).article();
    assertEquals(
        List.of("https://cdn.harbour-gazette.example/lighthouse.jpg"),
        second.images().stream().map(Image::url).toList());
    assertNull(second.extra().content());
  }

  @Test
  void anAtomEntryBecomesAnArticle() {
    ReadResult result = read("formats/valley.atom");
    assertEquals(List.of(), lines(result));
    Record record = result.records().get(0);
    assertEquals(Instant.parse("2024-05-03T12:00:00Z").toEpochMilli(), record.snapshot().time());
    assertEquals("updated", record.snapshot().basis());
    Article a = record.article();
    assertEquals("Bridge repairs finished", a.title());
    assertEquals("The old bridge is open again.", a.excerpt());
    assertEquals("After nine months the bridge carries traffic again.", a.extra().content());
    assertEquals("https://valley-courier.example/2024/05/bridge", a.webUrl());
    assertEquals("tag:valley-courier.example,2024:bridge", a.extra().identifier());
    assertEquals("2024-05-02T08:00:00Z", a.publishedDateTime());
    assertEquals("2024-05-03T09:00:00Z", a.updatedDateTime());
    assertEquals(List.of("Jonas Br\u00FCck"), a.provider().authors());
    assertEquals(List.of("Infrastructure"), a.extra().tags());
    assertEquals("de", a.extra().locale());
    assertEquals("valley-courier.example", a.provider().domain());
    assertEquals("Valley Courier", a.provider().name());
  }

  @Test
  void anRss1ItemBecomesAnArticle() {
    ReadResult result = read("formats/digest.xml");
    assertEquals(List.of(), lines(result));
    Article a = result.records().get(0).article();
    assertEquals("Flood barrier tested", a.title());
    assertEquals("https://river-digest.example/2024/06/flood-barrier", a.extra().identifier());
    assertEquals("2024-06-09T15:30:00Z", a.publishedDateTime());
    assertEquals(List.of("Priya Weir"), a.provider().authors());
    assertEquals("river-digest.example", a.provider().domain());
  }

  @Test
  void externalEntitiesAndEntityExpansionAreRefusedWithTheirPosition() {
    ReadResult xxe = read("hostile/xxe.xml");
    assertEquals(List.of(), xxe.records());
    assertEquals(1, xxe.problems().size());
    String problem = xxe.problems().get(0).toString();
    assertTrue(problem.startsWith("hostile/xxe.xml:3:"), problem);
    assertTrue(problem.contains("error: entity declarations are refused"), problem);
    ReadResult laughs = read("hostile/laughs.xml");
    assertEquals(List.of(), laughs.records());
    String refused = laughs.problems().get(0).toString();
    assertTrue(refused.startsWith("hostile/laughs.xml:3:"), refused);
    assertTrue(refused.contains("declares 'lol'"), refused);
  }

  @Test
  void xhtmlContentNestedPastTheLimitIsAnErrorAtItsElement() throws IOException {
    // 50,000 nested <div>s in an Atom entry's XHTML content overflowed ROME's stack.
    String head =
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
            + "<id>urn:x</id><updated>2024-01-01T00:00:00Z</updated><entry><title>E</title>"
            + "<id>urn:e</id><link href=\"https://deep.example/e\"/>"
            + "<updated>2024-01-01T00:00:00Z</updated><content type=\"xhtml\">";
    Path file = dir.resolve("deep.atom");
    Files.writeString(
        file,
        head
            + "<div>".repeat(50_000)
            + "x"
            + "</div>".repeat(50_000)
            + "</content></entry></feed>");
    ReadResult result = reader.read(file, "deep.atom");
    assertEquals(List.of(), result.records());
    // just past the start tag that goes one level past the limit (as every XML position is: where
    // the start tag ends); the feed, the entry and the content are three levels
    int column = head.length() + "<div>".length() * (FeedReader.MAX_DEPTH + 1 - 3) + 1;
    assertEquals(
        List.of(
            "deep.atom:1:"
                + column
                + ": error: malformed XML: elements nested deeper than "
                + FeedReader.MAX_DEPTH
                + " levels"),
        result.problems().stream().map(Object::toString).toList());
  }

  @Test
  void anExternalDtdIsNeverFetchedAndAPlainDoctypeIsAccepted() throws IOException {
    Path file = dir.resolve("old.rss");
    Files.writeString(
        file,
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\""
            + " \"file:///nonexistent/rss-0.91.dtd\">\n"
            + "<rss version=\"0.91\"><channel><title>Old</title><link>https://old.example/</link>"
            + "<item><title>One</title><link>https://old.example/1</link></item>"
            + "</channel></rss>\n");
    ReadResult result = reader.read(file, "old.rss");
    assertEquals(List.of(), lines(result));
    assertEquals("One", result.records().get(0).article().title());
  }

  @Test
  void malformedXmlIsAnErrorAtItsLineAndColumn() {
    ReadResult truncated = read("hostile/truncated.rss");
    assertEquals(List.of(), truncated.records());
    assertEquals(
        List.of(
            "hostile/truncated.rss:10:30: error: malformed XML: XML document structures must start"
                + " and end within the same entity."),
        lines(truncated));
    ReadResult page = read("hostile/error-page.xml");
    assertEquals(List.of(), page.records());
    String problem = page.problems().get(0).toString();
    assertTrue(problem.startsWith("hostile/error-page.xml:6:3: error: malformed XML:"), problem);
  }

  @Test
  void wellFormedXmlThatIsNotAFeedIsAnErrorWhenNamed() {
    ReadResult result = read("formats/sitemap.xml");
    assertEquals(
        List.of("formats/sitemap.xml:2:61: error: not a feed: the root element is <urlset>"),
        lines(result));
  }

  @Test
  void theFirstBytesTellAFeedFromAPageAndFromOtherXml() throws IOException {
    assertEquals(FeedReader.Kind.FEED, kind("formats/harbour.rss"));
    assertEquals(FeedReader.Kind.FEED, kind("formats/valley.atom"));
    assertEquals(FeedReader.Kind.FEED, kind("formats/digest.xml"));
    assertEquals(FeedReader.Kind.FEED, kind("hostile/xxe.xml"));
    assertEquals(FeedReader.Kind.HTML, kind("hostile/error-page.xml"));
    assertEquals(FeedReader.Kind.OTHER, kind("formats/sitemap.xml"));
    assertEquals(
        FeedReader.Kind.OTHER,
        FeedReader.kindOf("title: a record".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        FeedReader.Kind.FEED,
        FeedReader.kindOf(gzip(Files.readAllBytes(FEEDS.resolve("formats/valley.atom")))));
  }

  private static FeedReader.Kind kind(String fixture) throws IOException {
    return FeedReader.kindOf(Files.readAllBytes(FEEDS.resolve(fixture)));
  }

  @Test
  void aGzipFeedIsRead() throws IOException {
    Path file = dir.resolve("harbour.rss.gz");
    Files.write(file, gzip(Files.readAllBytes(FEEDS.resolve("formats/harbour.rss"))));
    ReadResult result = reader.read(file, "harbour.rss.gz");
    assertEquals(List.of(), lines(result));
    assertEquals(2, result.records().size());
  }

  @Test
  void aGzipFeedThatInflatesPastTheSizeCapIsRefused() throws IOException {
    Path file = dir.resolve("big.xml.gz");
    byte[] big = new byte[4096];
    java.util.Arrays.fill(big, (byte) ' ');
    Files.write(file, gzip(big));
    ReadResult result = new RecordReader(new ReaderLimits(1024, 50, 50)).read(file, "big.xml.gz");
    assertEquals(List.of(), result.records());
    assertTrue(lines(result).get(0).contains("inflates to more than the limit of 1024 bytes"));
  }

  @Test
  void aFeedWithoutADocumentTimeIsTimedByItsFile() throws IOException {
    Path file = dir.resolve("quay.xml");
    Files.writeString(
        file,
        "<rss version=\"2.0\"><channel><title>Q</title><link>https://q.example/</link>"
            + "<item><title>One</title><link>https://q.example/1</link></item></channel></rss>");
    Instant time = Instant.parse("2024-02-03T04:05:06Z");
    Files.setLastModifiedTime(file, FileTime.from(time));
    Record record = reader.read(file, "quay.xml").records().get(0);
    assertEquals(new Record.Snapshot(time.toEpochMilli(), "file time"), record.snapshot());
  }

  @Test
  void aLatinFeedWithoutADeclarationIsReadAsWindows1252WithAWarning() throws IOException {
    Path file = dir.resolve("latin.rss");
    Files.write(
        file,
        ("<rss version=\"2.0\"><channel><title>Not\u00EDcias</title><link>https://n.example/</link>"
                + "<item><title>\u00DAltimas</title><link>https://n.example/1</link></item>"
                + "</channel></rss>")
            .getBytes(Charset.forName("windows-1252")));
    ReadResult result = reader.read(file, "latin.rss");
    assertEquals(
        List.of("latin.rss:1:1: warning: not UTF-8 and no encoding declared: read as windows-1252"),
        lines(result));
    assertEquals("\u00DAltimas", result.records().get(0).article().title());
    assertEquals("Not\u00EDcias", result.records().get(0).article().provider().name());
  }

  @Test
  void anItemWithoutALinkIsSkippedWithAWarningAndTheOthersAreKept() throws IOException {
    Path file = dir.resolve("partial.rss");
    Files.writeString(
        file,
        "<rss version=\"2.0\"><channel><title>P</title><link>https://p.example/</link>\n"
            + "<item><title>No link</title><guid isPermaLink=\"false\">x-1</guid></item>\n"
            + "<item><title>Linked</title><link>https://p.example/2</link></item>\n"
            + "</channel></rss>");
    ReadResult result = reader.read(file, "partial.rss");
    assertEquals(1, result.records().size());
    assertEquals("Linked", result.records().get(0).article().title());
    assertEquals(
        List.of(
            "partial.rss:2:7: warning: feed item 1 has no link (nor a permalink guid) that is an"
                + " http(s) URL; skipped"),
        lines(result));
  }

  @Test
  void aChannelWhoseDomainIsNotAHostNameIsReportedOnceAndItsItemsAreKept() throws IOException {
    Path file = dir.resolve("local.rss");
    Files.writeString(
        file,
        "<rss version=\"2.0\"><channel><title>L</title><link>http://localhost/</link>\n"
            + "<item><title>One</title><link>http://localhost/1</link></item>\n"
            + "<item><title>Two</title><link>http://localhost/2</link></item>\n"
            + "</channel></rss>");
    ReadResult result = reader.read(file, "local.rss");
    assertEquals(
        List.of("local.rss:1:20: warning: feed's domain is not a host name: 'localhost'"),
        lines(result));
    assertEquals(2, result.records().size());
    assertNull(result.records().get(1).article().provider());
  }

  @Test
  void standardInputStartingLikeAFeedIsReadAsOne() throws IOException {
    byte[] bytes = Files.readAllBytes(FEEDS.resolve("formats/valley.atom"));
    ReadResult result = reader.read(new ByteArrayInputStream(bytes), "<stdin>");
    assertEquals(List.of(), lines(result));
    assertEquals(1, result.records().size());
    assertFalse(result.records().get(0).snapshot().basis().equals("file time"));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    }
    return out.toByteArray();
  }
}
