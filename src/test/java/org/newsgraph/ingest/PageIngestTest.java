package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;

/**
 * Saved article pages through the command line into a TDB2 store: the JSON-LD mapping, the meta tag
 * fallback, hostile pages reported with their positions while the rest is stored, and one article
 * from a record, a feed item and a page of the same URL.
 */
class PageIngestTest {

  private static final Path PAGES = Path.of("src/test/resources/fixtures/pages");

  @TempDir Path tmp;

  @Test
  void pagesAreMappedAndBrokenOrHostilePagesAreReportedWhileTheRestIsStored() {
    String db = tmp.resolve("db").toString();
    Cli.Result run = Cli.run("ingest", "--no-infer-links", "--db", db, PAGES.toString());
    assertEquals(ExitCodes.REJECTED, run.exit(), run.err());
    String err = run.err();
    // invalid JSON-LD: the position of the error in the page, and the script's line
    assertTrue(
        err.contains(
            "meta-only.htm:21:107: warning: invalid JSON in the JSON-LD <script> at line 20:"),
        err);
    assertTrue(
        err.contains(
            "raw-newline.html:5:24: warning: invalid JSON in the JSON-LD <script> at line 4:"),
        err);
    assertTrue(
        err.contains(
            "unknown-context.html:4:1: warning: JSON-LD <script> at line 4 cannot be read: There was"
                + " a problem encountered loading a remote context"
                + " [https://vocab.example.com/ctx.jsonld]; the page's meta tags are read instead"),
        err);
    assertTrue(
        err.contains(
            "meta-only.htm:12:1: warning: article:modified_time '0001-01-01T00:00:00Z' is not a"
                + " plausible date"),
        err);
    assertTrue(
        err.contains(
            "hostile/no-url.html:1:1: error: page states no URL of its own (no JSON-LD url or"
                + " mainEntityOfPage, no link rel=canonical, no og:url): it cannot be identified"),
        err);
    assertTrue(
        err.contains(
            "hostile/bomb.html.gz:1:1: error: compressed page inflates to more than the limit of"),
        err);
    String summary = err.lines().reduce("", (a, b) -> b);
    assertTrue(
        summary.startsWith("ingest: 7 files read (7 pages), 5 added,")
            && summary.contains(" 2 rejected,")
            && summary.contains("1 skipped (1 HTML, not a page)"),
        summary);

    String gauge =
        "<https://w3id.org/newsgraph/id/article/"
            + key("https://www.harbour-gazette.example/news/tide-gauge")
            + ">";
    assertEquals(
        List.of(
            "<http://schema.org/dateModified>\t\"2024-03-05T11:00:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
            "<http://schema.org/datePublished>\t\"2024-03-05T09:30:00+00:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
            "<http://schema.org/description>\t\"The harbour's tide gauge works again.\"",
            "<http://schema.org/headline>\t\"Tide gauge fixed after storm & surge\"",
            "<http://schema.org/image>\t<https://cdn.harbour-gazette.example/gauge-2.jpg>",
            "<http://schema.org/image>\t<https://www.harbour-gazette.example/img/gauge.jpg>",
            "<http://schema.org/inLanguage>\t\"en-GB\"",
            "<http://schema.org/keywords>\t\"Local\"",
            "<http://schema.org/keywords>\t\"harbour\"",
            "<http://schema.org/keywords>\t\"storms\"",
            "<http://schema.org/keywords>\t\"tides\"",
            "<http://schema.org/mentions>\t<http://dbpedia.org/resource/North_Sea>",
            "<http://schema.org/mentions>\t<http://www.wikidata.org/entity/Q1693>",
            "<http://schema.org/publisher>\t<https://w3id.org/newsgraph/id/provider/harbour-gazette.example>",
            "<http://schema.org/text>\t\"Engineers replaced the float well on Tuesday. The gauge"
                + " reports every six minutes.\"",
            "<http://schema.org/url>\t<https://www.harbour-gazette.example/news/tide-gauge?ns_campaign=x&ito=y>",
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>\t<http://schema.org/NewsArticle>",
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>\t<https://w3id.org/newsgraph/ns#Article>",
            "<https://w3id.org/newsgraph/ns#aboutEntity>\t<http://www.wikidata.org/entity/Q1434433>",
            "<https://w3id.org/newsgraph/ns#authorName>\t\"Ada Quay\"",
            "<https://w3id.org/newsgraph/ns#authorName>\t\"Ben Pier\"",
            "<https://w3id.org/newsgraph/ns#canonicalUrl>\t<https://www.harbour-gazette.example/news/tide-gauge>",
            "<https://w3id.org/newsgraph/ns#itemType>\t\"article\"",
            "<https://w3id.org/newsgraph/ns#tag>\t<https://w3id.org/newsgraph/id/tag/harbour>",
            "<https://w3id.org/newsgraph/ns#tag>\t<https://w3id.org/newsgraph/id/tag/local>",
            "<https://w3id.org/newsgraph/ns#tag>\t<https://w3id.org/newsgraph/id/tag/storms>",
            "<https://w3id.org/newsgraph/ns#tag>\t<https://w3id.org/newsgraph/id/tag/tides>"),
        FeedIngestTest.rows(db, "SELECT ?p ?o { " + gauge + " ?p ?o } ORDER BY STR(?p) STR(?o)"));
    assertEquals(
        List.of(
            "\"Harbour Gazette\"\t<https://www.harbour-gazette.example/logo.png>",
            "\"Journal du Port\"\t"),
        FeedIngestTest.rows(
            db,
            "SELECT ?n ?logo { ?p a news:Provider ; schema:name ?n OPTIONAL { ?p news:logo ?logo } }"
                + " ORDER BY ?n"));
    assertEquals(
        List.of("\"Tide gauge\"\t<http://www.wikidata.org/entity/Q1434433>"),
        FeedIngestTest.rows(db, "SELECT ?n ?e { ?a news:aboutEntity ?e . ?e schema:name ?n }"));
    // The meta tag page: og:title, og:description, canonical resolved against <base>, tracking
    // parameter gone from the identity and the identity-bearing id kept, tags from article:tag and
    // article:section, the author's name (not the profile URL), og:locale absent so html lang.
    String port = "https://www.journal-du-port.example/actu/port-rouvre.html?id=42";
    assertEquals(
        List.of(
            "\"Le port rouvre\"\t\"Les quais sont de nouveau ouverts.\"\t\"2024-02-01T08:00:00+01:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>\t\"fr-FR\"\t\"Marie Dock\"\t<https://www.journal-du-port.example/images/quai.jpg>"),
        FeedIngestTest.rows(
            db,
            "SELECT ?h ?d ?p ?l ?au ?i { ?a news:canonicalUrl <"
                + port
                + "> ; schema:headline ?h ; schema:description ?d ; schema:datePublished ?p ;"
                + " schema:inLanguage ?l ; news:authorName ?au ; schema:image ?i"
                + " FILTER NOT EXISTS { ?a schema:dateModified ?m } }"));
    assertEquals(
        List.of("\"Port\"", "\"Ville\"", "\"Économie\""),
        FeedIngestTest.rows(
            db,
            "SELECT ?k { ?a news:canonicalUrl <" + port + "> ; schema:keywords ?k } ORDER BY ?k"));
    // the gzip page, the unknown-context and raw-newline pages by their meta tags
    assertEquals(
        List.of(
            "\"Le port rouvre\"",
            "\"Raw newline\"",
            "\"Seventh post\"",
            "\"Tide gauge fixed after storm & surge\""),
        FeedIngestTest.rows(db, "SELECT DISTINCT ?h { ?a schema:headline ?h } ORDER BY ?h"));
    Cli.Result validate = Cli.run("validate", "--db", db);
    assertEquals(ExitCodes.OK, validate.exit(), validate.out() + validate.err());
  }

  @Test
  void aRecordAFeedItemAndAPageOfOneUrlAreOneArticleNamingEverySource() throws IOException {
    String url = "https://news.example.org/2021/03/one-story";
    Path in = tmp.resolve("in");
    ManyDescriptionsTest.write(
        in.resolve("records/one.md"),
        ManyDescriptionsTest.record(url + "?utm_source=aggregator", "", ""));
    ManyDescriptionsTest.write(
        in.resolve("feeds/news.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>"
            + "<link>https://news.example.org/</link><lastBuildDate>Mon, 01 Mar 2021 09:00:00"
            + " GMT</lastBuildDate><item><title>One story (feed)</title><link>"
            + "http://news.example.org/2021/03/one-story/?fbclid=1</link>"
            + "<category>Courts</category></item></channel></rss>");
    ManyDescriptionsTest.write(
        in.resolve("pages/one-story.html"),
        "<!DOCTYPE html><html lang=\"en\"><head><title>x</title>"
            + "<link rel=\"canonical\" href=\"https://news.example.org/2021/03/one-story?ocid=x\">"
            + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            + "\"@type\":\"NewsArticle\",\"headline\":\"One story, as the page tells it\","
            + "\"datePublished\":\"2021-03-01T08:00:00Z\",\"dateModified\":\"2021-03-02T10:00:00Z\","
            + "\"articleBody\":\"The whole text of the story.\"}</script></head><body></body></html>");
    String db = tmp.resolve("db").toString();
    Cli.Result run = Cli.run("ingest", "--no-infer-links", "--db", db, in.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(
        run.err().contains("ingest: 3 files read (1 record, 1 feed, 1 page), 1 added,"), run.err());
    String article = "<https://w3id.org/newsgraph/id/article/" + key(url) + ">";
    assertEquals(
        List.of("1"),
        FeedIngestTest.rows(db, "SELECT (COUNT(DISTINCT ?a) AS ?n) { ?a a news:Article }"));
    // the page's description is the latest (dateModified), so its single-valued facts win
    assertEquals(
        List.of("\"One story, as the page tells it\"\t\"The whole text of the story.\""),
        FeedIngestTest.rows(
            db, "SELECT ?h ?t { " + article + " schema:headline ?h ; schema:text ?t }"));
    List<String> sources =
        FeedIngestTest.rows(
            db,
            "SELECT ?s { GRAPH ?g { "
                + article
                + " a news:Article . ?g dcterms:source ?s } } ORDER BY ?s");
    assertEquals(3, sources.size(), sources.toString());
    assertTrue(sources.get(0).contains("feeds/news.rss"), sources.toString());
    assertTrue(sources.get(1).contains("pages/one-story.html"), sources.toString());
    assertTrue(sources.get(2).contains("records/one.md"), sources.toString());
    // the feed's category accumulates with the other descriptions' facts
    assertEquals(
        List.of("\"Courts\""),
        FeedIngestTest.rows(db, "SELECT ?k { " + article + " schema:keywords ?k }"));
    // a second run reads nothing again, and still counts the files by kind
    Cli.Result again = Cli.run("ingest", "--no-infer-links", "--db", db, in.toString());
    assertTrue(
        again
            .err()
            .contains(
                "ingest: 3 files read (1 record, 1 feed, 1 page), 0 added, 0 replaced, 3 unchanged,"),
        again.err());
  }

  @Test
  void aPagesBodyTextReachesLinkInferenceAsAFeedsContentDoes() throws IOException {
    // Two outlets' pages of one wire story: different headlines, the same body (a republished
    // copy). Only the body says they are one story, so a link proves the body was read.
    String body =
        "The regional ferry operator suspended every crossing to the northern islands on Tuesday"
            + " after gale force winds damaged the loading ramp at Kirkwall harbour. Engineers"
            + " expect repairs to the hydraulic ramp to take at least three days, and islanders"
            + " were told to expect shortages of fresh produce in village shops until sailings"
            + " resume. The operator said freight would be prioritised once the ramp reopens.";
    Path in = tmp.resolve("wire");
    for (String[] page :
        new String[][] {
          {"a.html", "https://north-news.example/islands/ferry-halt", "Islands cut off"},
          {"b.html", "https://coast-daily.example/2024/03/05/crossings", "Weather latest"}
        }) {
      ManyDescriptionsTest.write(
          in.resolve(page[0]),
          "<!DOCTYPE html><html><head><link rel=\"canonical\" href=\""
              + page[1]
              + "\"><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
              + "\"@type\":\"NewsArticle\",\"headline\":\""
              + page[2]
              + "\",\"datePublished\":\"2024-03-05T10:00:00Z\",\"articleBody\":\""
              + body
              + "\"}</script></head></html>");
    }
    String db = tmp.resolve("db-infer").toString();
    Cli.Result run = Cli.run("ingest", "--db", db, in.toString());
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    String a =
        "<https://w3id.org/newsgraph/id/article/"
            + key("https://north-news.example/islands/ferry-halt")
            + ">";
    String b =
        "<https://w3id.org/newsgraph/id/article/"
            + key("https://coast-daily.example/2024/03/05/crossings")
            + ">";
    List<String> links =
        FeedIngestTest.rows(
            db,
            "SELECT DISTINCT ?p { { " + a + " ?p " + b + " } UNION { " + b + " ?p " + a + " } }");
    assertTrue(
        links.contains("<https://w3id.org/newsgraph/ns#sameStory>")
            || links.contains("<https://w3id.org/newsgraph/ns#copyOf>"),
        links.toString());
  }

  static String key(String url) {
    return org.newsgraph.vocab.IriFactory.of(org.newsgraph.vocab.IriFactory.DEFAULT_BASE)
        .article(url)
        .getURI()
        .replaceFirst(".*/", "");
  }
}
