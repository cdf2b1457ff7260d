package org.newsgraph.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.model.Article;
import org.newsgraph.model.Image;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;

/** Saved pages and WARC captures read in memory: the JSON-LD shapes real sites write, and caps. */
class PageReaderTest {

  private final PageReader reader = new PageReader(ReaderLimits.DEFAULT);

  private Article read(String html, List<Problem> problems) {
    ReadResult result = reader.read(html.getBytes(StandardCharsets.UTF_8), "p.html");
    problems.addAll(result.problems());
    return result.records().isEmpty() ? null : result.records().get(0).article();
  }

  @Test
  void jsonLdNestedPastTheLimitIsAWarningAtItsPlaceAndTheMetaTagsGiveTheArticle() {
    // 20,000 levels overflowed the stack of the JSON-LD processor, failing the whole run.
    int levels = 20_000;
    String deep = "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels);
    List<Problem> problems = new ArrayList<>();
    Article a =
        read(
            "<html><head><title>Deep</title>\n"
                + "<link rel=\"canonical\" href=\"https://deep.example/a\">\n"
                + "<meta property=\"og:title\" content=\"A deep page\">\n"
                + "<script type=\"application/ld+json\">"
                + deep
                + "</script></head><body></body></html>",
            problems);
    assertThat(a.title()).isEqualTo("A deep page");
    assertThat(a.webUrl()).isEqualTo("https://deep.example/a");
    // the column of the 101st opening brace
    int column = "<script type=\"application/ld+json\">".length() + 1 + 6 * 100;
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "p.html:4:"
                + column
                + ": warning: invalid JSON in the JSON-LD <script> at line 4: nested deeper than "
                + PageReader.MAX_JSON_DEPTH
                + " levels; the page's meta tags are read instead");
  }

  @Test
  void aTopLevelArrayWithAnHttpsVocabularyAndStringValuesGivesTheArticle() {
    List<Problem> problems = new ArrayList<>();
    Article a =
        read(
            """
            <!DOCTYPE html><html lang="de"><head><title>Live: die Wahl</title>
            <script type="application/ld+json">
            [{"@context": {"@vocab": "https://schema.org/"}, "@type": "WebSite", "name": "Der Bote",
              "url": "https://bote.example/"},
             {"@context": {"@vocab": "https://schema.org/"}, "@type": "LiveBlogPosting",
              "mainEntityOfPage": "https://bote.example/live/wahl?utm_medium=x",
              "headline": "Live: die Wahl", "author": "Red. Bote", "image": "/bilder/wahl.jpg",
              "publisher": "Der Bote", "inLanguage": "de-DE", "datePublished": "2024-06-09"}]
            </script></head><body></body></html>
            """,
            problems);
    assertThat(problems).isEmpty();
    assertThat(a.title()).isEqualTo("Live: die Wahl");
    assertThat(a.webUrl()).isEqualTo("https://bote.example/live/wahl?utm_medium=x");
    assertThat(a.provider().name()).isEqualTo("Der Bote");
    assertThat(a.provider().domain()).isEqualTo("bote.example");
    assertThat(a.provider().authors()).containsExactly("Red. Bote");
    assertThat(a.images())
        .extracting(Image::url)
        .containsExactly("https://bote.example/bilder/wahl.jpg");
    assertThat(a.extra().locale()).isEqualTo("de-DE");
    assertThat(a.publishedDateTime()).isEqualTo("2024-06-09T00:00:00");
    assertThat(a.type()).isEqualTo("article");
  }

  @Test
  void ofSeveralArticleNodesTheOneWithHeadlineAndBodyIsThePagesAndRelativeIdsResolve() {
    List<Problem> problems = new ArrayList<>();
    Article a =
        read(
            """
            <html><head><link rel="canonical" href="https://n.example/a/1">
            <script type="application/ld+json">{"@context": "http://schema.org/",
              "@type": "ItemList", "itemListElement": [
                {"@type": "NewsArticle", "@id": "/a/2", "name": "Related story"}]}</script>
            <script type="application/ld+json">{"@context": "https://schema.org/docs/jsonldcontext.json",
              "@type": ["Article", "AnalysisNewsArticle"], "@id": "/a/1#it", "url": "/a/1",
              "headline": "The story", "articleBody": "<p>Body &amp; more.</p>",
              "keywords": ["Politics", "Elections"],
              "mentions": {"@id": "https://www.wikidata.org/wiki/Q30"}}</script>
            </head></html>
            """,
            problems);
    assertThat(problems).isEmpty();
    assertThat(a.title()).isEqualTo("The story");
    assertThat(a.webUrl()).isEqualTo("https://n.example/a/1");
    assertThat(a.extra().content()).isEqualTo("Body & more.");
    assertThat(a.extra().tags()).containsExactlyInAnyOrder("Politics", "Elections");
    assertThat(a.extra().mentions())
        .containsExactly(new Article.Mention(false, "http://www.wikidata.org/entity/Q30", null));
  }

  @Test
  void standardInputStartingAsAnHtmlDocumentIsReadAsAPage() {
    byte[] html =
        "<!DOCTYPE html><html><head><title>From stdin</title><meta property=og:url content=https://i.example/s></head></html>"
            .getBytes(StandardCharsets.UTF_8);
    ReadResult result =
        new RecordReader(ReaderLimits.DEFAULT)
            .read(new java.io.ByteArrayInputStream(html), "<stdin>");
    assertThat(result.kind()).isEqualTo("page");
    assertThat(result.records())
        .singleElement()
        .satisfies(r -> assertThat(r.article().title()).isEqualTo("From stdin"));
  }

  @Test
  void aFileNamedOnTheCommandLineIsAPageByItsContent(@TempDir java.nio.file.Path dir)
      throws IOException {
    java.nio.file.Path saved = dir.resolve("saved-page.txt");
    java.nio.file.Files.writeString(
        saved,
        "<!doctype html><html><head><title>Saved</title>"
            + "<link rel=canonical href=https://t.example/s></head></html>");
    RecordReader records = new RecordReader(ReaderLimits.DEFAULT);
    assertThat(records.read(saved, "saved-page.txt").kind()).isEqualTo("page");
    assertThat(
            records
                .read(java.nio.file.Files.readAllBytes(saved), saved, "saved-page.txt")
                .records())
        .singleElement()
        .satisfies(r -> assertThat(r.article().title()).isEqualTo("Saved"));
  }

  @Test
  void aVocabularyWithoutItsTrailingSlashStillNamesSchemaOrgTerms() {
    List<Problem> problems = new ArrayList<>();
    Article a =
        read(
            """
            <html><head><script type="application/ld+json"><![CDATA[
            {"@context": {"@vocab": "http://schema.org"}, "@type": "NewsArticle",
             "headline": "Vote fails", "url": "https://v.example/world/vote",
             "author": [{"@type": "Person", "name": "Stella Kim"}], "datePublished": "2024-12-06T22:00:40.000Z"}
            ]]></script></head></html>
            """,
            problems);
    assertThat(problems).isEmpty();
    assertThat(a.title()).isEqualTo("Vote fails");
    assertThat(a.provider().authors()).containsExactly("Stella Kim");
    assertThat(a.publishedDateTime()).isEqualTo("2024-12-06T22:00:40.000Z");
  }

  @Test
  void aBlockWithoutAContextIsReadAsSchemaOrg() {
    List<Problem> problems = new ArrayList<>();
    Article a =
        read(
            """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle",
              "headline": "No context", "url": "https://nc.example/a", "author": {"name": "Ann"}}
            </script></head></html>
            """,
            problems);
    assertThat(problems).isEmpty();
    assertThat(a.title()).isEqualTo("No context");
    assertThat(a.provider().authors()).containsExactly("Ann");
  }

  @Test
  void aLiveBlogIsThePagesArticleNotItsUpdates() {
    List<Problem> problems = new ArrayList<>();
    Article a =
        read(
            """
            <html><head><link rel="canonical" href="https://l.example/live/storm">
            <script type="application/ld+json">{"@context": "https://schema.org",
              "@type": "LiveBlogPosting", "headline": "Storm: live updates",
              "datePublished": "2024-03-05T06:00:00Z",
              "liveBlogUpdate": [
                {"@type": "BlogPosting", "headline": "Ferries cancelled",
                 "articleBody": "All sailings are off.", "datePublished": "2024-03-05T07:00:00Z"},
                {"@type": "BlogPosting", "headline": "Winds ease",
                 "articleBody": "Gusts are down.", "datePublished": "2024-03-05T09:00:00Z"}]}
            </script></head></html>
            """,
            problems);
    assertThat(problems).isEmpty();
    assertThat(a.title()).isEqualTo("Storm: live updates");
    assertThat(a.webUrl()).isEqualTo("https://l.example/live/storm");
  }

  @Test
  void aPageThatIsNotUtf8AndDeclaresNoCharsetIsReadAsWindows1252() {
    byte[] html =
        "<html><head><title>Caf\u00e9 r\u00e9ouvert</title><link rel=canonical href=https://c.example/cafe></head></html>"
            .getBytes(java.nio.charset.Charset.forName("windows-1252"));
    ReadResult result = reader.read(html, "cafe.html");
    assertThat(result.records().get(0).article().title()).isEqualTo("Caf\u00e9 r\u00e9ouvert");
    assertThat(result.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "cafe.html:1:1: warning: not UTF-8 and no charset declared: read as windows-1252");
  }

  @Test
  void aPageWithNoHeadlineAnywhereIsAnErrorAndABodyIsCapped() {
    List<Problem> problems = new ArrayList<>();
    assertThat(
            read(
                "<!DOCTYPE html><html><head><link rel=canonical href=https://x.example/a></head></html>",
                problems))
        .isNull();
    assertThat(problems)
        .extracting(Problem::toString)
        .containsExactly(
            "p.html:1:1: error: page of https://x.example/a has no headline (JSON-LD, og:title nor <title>)");
    problems.clear();
    Article long_ =
        read(
            "<html><head><title>Long</title><link rel=canonical href=https://x.example/b></head><body><article>"
                + "word ".repeat(30_000)
                + "</article></body></html>",
            problems);
    assertThat(long_.extra().content()).hasSize(PageReader.BODY_CHARS);
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly("body text cut to its first 100000 characters");
  }

  @Test
  void aJsonLdUrlThatIsNoArticlesAddressGivesWayToThePagesOwnLink() {
    List<Problem> problems = new ArrayList<>();
    Article a =
        read(
            """
            <html><head><link rel="canonical" href="https://s.example/news/7">
            <script type="application/ld+json">{"@context": "https://schema.org",
              "@type": "NewsArticle", "headline": "Seven", "mainEntityOfPage": true,
              "url": "https://s.example/"}</script></head></html>
            """,
            problems);
    assertThat(a.webUrl()).isEqualTo("https://s.example/news/7");
    a =
        read(
            """
            <html><head><meta property="og:url" content="https://s.example/news/8">
            <script type="application/ld+json">{"@context": "https://schema.org",
              "@type": "NewsArticle", "headline": "Eight", "mainEntityOfPage": "true"}</script>
            </head></html>
            """,
            problems);
    assertThat(a.webUrl()).isEqualTo("https://s.example/news/8");
    assertThat(problems).isEmpty();
  }

  @Test
  void datesAreXsdDateTimesAndImplausibleOnesAreLeftOut() {
    List<Problem> problems = new ArrayList<>();
    PageReader.Sink sink = new PageReader.Sink("p.html", problems);
    assertThat(PageReader.date("2015-07-10T09:53", "d", Position.START, sink))
        .isEqualTo("2015-07-10T09:53:00");
    assertThat(PageReader.date("2021-11-01T10:52:50+0100", "d", Position.START, sink))
        .isEqualTo("2021-11-01T10:52:50+01:00");
    assertThat(PageReader.date("2017-11-03 03:01:00.000000", "d", Position.START, sink))
        .isEqualTo("2017-11-03T03:01:00.000000");
    assertThat(PageReader.date("2019-01-03T07:00:02.000Z", "d", Position.START, sink))
        .isEqualTo("2019-01-03T07:00:02.000Z");
    assertThat(PageReader.date("Tue, 05 Mar 2024 09:30:00 GMT", "d", Position.START, sink))
        .isEqualTo("2024-03-05T09:30:00Z");
    assertThat(problems).isEmpty();
    assertThat(PageReader.date("0001-01-01T00:00:00Z", "datePublished", Position.START, sink))
        .isNull();
    assertThat(PageReader.date("2024-02-30", "datePublished", Position.START, sink)).isNull();
    assertThat(PageReader.date("yesterday", "datePublished", Position.START, sink)).isNull();
    assertThat(problems)
        .extracting(Problem::message)
        .containsExactly(
            "datePublished '0001-01-01T00:00:00Z' is not a plausible date (before 1900 or over a year ahead); left out",
            "datePublished '2024-02-30' is not a valid date-time; left out",
            "datePublished 'yesterday' is not a date-time; left out");
  }

  @Test
  void onlySchemaOrgContextsAreKnown() {
    for (String known :
        List.of(
            "https://schema.org",
            "http://schema.org/",
            "https://schema.org/docs/jsonldcontext.json",
            "http://www.schema.org")) {
      assertThat(PageReader.isSchemaOrgContext(URI.create(known))).as(known).isTrue();
    }
    for (String unknown :
        List.of(
            "https://schema.org.evil.example/",
            "https://example.com/schema.org",
            "file:///etc/passwd")) {
      assertThat(PageReader.isSchemaOrgContext(URI.create(unknown))).as(unknown).isFalse();
    }
    assertThat(PageReader.entityIri("https://www.wikidata.org/wiki/Q42"))
        .isEqualTo("http://www.wikidata.org/entity/Q42");
    assertThat(PageReader.entityIri("https://m.wikidata.org/wiki/Q42#sitelinks"))
        .isEqualTo("http://www.wikidata.org/entity/Q42");
    assertThat(PageReader.entityIri("https://en.wikipedia.org/wiki/Douglas_Adams"))
        .isEqualTo("https://en.wikipedia.org/wiki/Douglas_Adams");
  }

  @Test
  void aWarcPayloadOverTheCapOrInflatingPastItIsSkippedAndCounted() throws IOException {
    ReaderLimits small = new ReaderLimits(4000, 50, 50);
    WarcReader warcs = new WarcReader(small, new PageReader(small));
    String page = "<!DOCTYPE html><html><head><title>Small page</title></head><body></body></html>";
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
      gz.write(new byte[1_000_000]);
    }
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    record(
        warc,
        "http://w.example/small",
        http("text/html; charset=utf-8", "", page.getBytes(StandardCharsets.UTF_8)));
    record(
        warc,
        "http://w.example/big",
        http("text/html", "", ("<html>" + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8)));
    record(
        warc,
        "http://w.example/bomb",
        http("text/html", "Content-Encoding: gzip\r\n", bomb.toByteArray()));
    ReadResult result = warcs.read(new java.io.ByteArrayInputStream(warc.toByteArray()), "t.warc");
    assertThat(result.rejected()).isFalse();
    assertThat(result.records()).hasSize(1);
    assertThat(result.records().get(0).article().webUrl()).isEqualTo("http://w.example/small");
    assertThat(result.records().get(0).source()).isEqualTo("t.warc@0");
    assertThat(result.skippedRecords())
        .containsExactly(java.util.Map.entry("payload over the size limit", 2L));
    assertThat(result.problems())
        .extracting(Problem::toString)
        .anyMatch(
            p ->
                p.matches(
                    "t\\.warc@\\d+:1:1: warning: page of http://w.example/big is larger than the limit of 4000 bytes .*"));
  }

  private static byte[] http(String type, String headers, byte[] body) {
    String head =
        "HTTP/1.1 200 OK\r\nContent-Type: "
            + type
            + "\r\n"
            + headers
            + "Content-Length: "
            + body.length
            + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static void record(ByteArrayOutputStream out, String uri, byte[] block) {
    String head =
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: "
            + uri
            + "\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:"
            + java.util.UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8))
            + ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: "
            + block.length
            + "\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(block);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
  }
}
