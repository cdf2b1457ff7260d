package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;

/**
 * Feeds through the command line into a TDB2 store: the mapping, one article per item across
 * snapshots described by the latest snapshot, and hostile or broken XML refused file by file while
 * the rest of the run is stored.
 */
class FeedIngestTest {

  private static final Path FEEDS = Path.of("src/test/resources/fixtures/feeds");
  private static final String PREFIXES =
      "PREFIX schema: <http://schema.org/> PREFIX news: <https://w3id.org/newsgraph/ns#>"
          + " PREFIX dcterms: <http://purl.org/dc/terms/> ";

  @TempDir Path tmp;

  @Test
  void feedsAreMappedAndBrokenOrHostileFilesAreErrorsWhileTheRestIsStored() throws IOException {
    Path records = tmp.resolve("records");
    ManyDescriptionsTest.write(
        records.resolve("a.md"), ManyDescriptionsTest.record("https://news.example.org/a", "", ""));
    String db = tmp.resolve("db").toString();
    Cli.Result run =
        Cli.run("ingest", "--no-infer-links", "--db", db, FEEDS.toString(), records.toString());
    assertEquals(ExitCodes.REJECTED, run.exit(), run.err());
    String err = run.err();
    assertTrue(
        err.contains(
            "hostile/truncated.rss:10:30: error: malformed XML: XML document structures must start"
                + " and end within the same entity."),
        err);
    assertTrue(err.contains("hostile/error-page.xml:6:3: error: malformed XML:"), err);
    assertTrue(err.contains("hostile/xxe.xml:3:49: error: entity declarations are refused"), err);
    assertTrue(
        err.contains("hostile/laughs.xml:3:22: error: entity declarations are refused"), err);
    assertTrue(
        err.contains("4 rejected") && err.contains("1 skipped (1 XML, not a feed)"),
        err.lines().reduce("", (a, b) -> b));
    // 2 + 1 + 1 items of the three formats, 3 items over the two snapshots, and the record
    assertEquals(List.of("8"), rows(db, "SELECT (COUNT(?a) AS ?n) { ?a a news:Article }"));
    assertEquals(
        List.of("0"),
        rows(
            db,
            "SELECT (COUNT(*) AS ?n) { ?a schema:headline ?h FILTER(CONTAINS(?h, 'lol') || CONTAINS(?h, 'Leak')) }"));
    String ferry =
        "<https://w3id.org/newsgraph/id/article/"
            + key("https://www.harbour-gazette.example/news/2024/04/ferry-timetable")
            + ">";
    assertEquals(
        List.of(
            "<http://purl.org/dc/terms/identifier>\t\"hg-1001\"",
            "<http://schema.org/datePublished>\t\"2024-04-01T07:15:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>",
            "<http://schema.org/description>\t\"The morning ferry leaves earlier.\\nRead more\u2026\"",
            "<http://schema.org/headline>\t\"Ferry timetable changes from May\"",
            "<http://schema.org/image>\t<https://cdn.harbour-gazette.example/ferry-thumb.jpg>",
            "<http://schema.org/image>\t<https://cdn.harbour-gazette.example/ferry.jpg>",
            "<http://schema.org/inLanguage>\t\"en-gb\"",
            "<http://schema.org/keywords>\t\"Harbour\"",
            "<http://schema.org/keywords>\t\"Transport\"",
            "<http://schema.org/publisher>\t<https://w3id.org/newsgraph/id/provider/harbour-gazette.example>",
            "<http://schema.org/text>\t\"The harbour authority said the 07:10 sailing moves to"
                + " 06:50.\\nEvening crossings are unchanged.\"",
            "<http://schema.org/url>\t<https://www.harbour-gazette.example/news/2024/04/ferry-timetable?utm_source=rss>",
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>\t<http://schema.org/CreativeWork>",
            "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>\t<https://w3id.org/newsgraph/ns#Article>",
            "<https://w3id.org/newsgraph/ns#authorName>\t\"Morag Fleet\"",
            "<https://w3id.org/newsgraph/ns#canonicalUrl>\t<https://www.harbour-gazette.example/news/2024/04/ferry-timetable>",
            "<https://w3id.org/newsgraph/ns#tag>\t<https://w3id.org/newsgraph/id/tag/harbour>",
            "<https://w3id.org/newsgraph/ns#tag>\t<https://w3id.org/newsgraph/id/tag/transport>"),
        rows(db, "SELECT ?p ?o { " + ferry + " ?p ?o } ORDER BY STR(?p) STR(?o)"));
    assertEquals(
        List.of(
            "\"Harbour Gazette & Tides\"\t\"harbour-gazette.example\"\t<https://www.harbour-gazette.example/logo.png>"),
        rows(
            db,
            "SELECT ?name ?domain ?logo { <https://w3id.org/newsgraph/id/provider/harbour-gazette.example>"
                + " schema:name ?name ; news:domain ?domain ; news:logo ?logo }"));
    assertEquals(
        List.of("\"The morning ferry\"\t\"Photo: A. Gull\"\t1200\t800"),
        rows(
            db,
            "SELECT ?caption ?credit ?w ?h { <https://cdn.harbour-gazette.example/ferry.jpg>"
                + " schema:caption ?caption ; news:attribution ?credit ; news:width ?w ;"
                + " news:height ?h }"));
    // Atom and RSS 1.0
    assertEquals(
        List.of(
            "\"Bridge repairs finished\"\t\"2024-05-03T09:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>\t\"de\"",
            "\"Flood barrier tested\"\t\"2024-06-09T15:30:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>\t\"\""),
        rows(
            db,
            "SELECT ?h ?t (COALESCE(?l, '') AS ?lang) { ?a schema:headline ?h ;"
                + " schema:publisher ?p . { ?a schema:dateModified ?t } UNION { ?a"
                + " schema:datePublished ?t FILTER NOT EXISTS { ?a schema:dateModified ?m } }"
                + " OPTIONAL { ?a schema:inLanguage ?l } FILTER(?p IN"
                + " (<https://w3id.org/newsgraph/id/provider/valley-courier.example>,"
                + " <https://w3id.org/newsgraph/id/provider/river-digest.example>)) } ORDER BY ?h"));
  }

  @Test
  void aRunWithBrokenFeedsKeepsWhatTheStoreHeld() throws IOException {
    Path site = tmp.resolve("site");
    copy(FEEDS.resolve("formats"), site);
    String db = tmp.resolve("db").toString();
    Cli.Result first = Cli.run("ingest", "--no-infer-links", "--db", db, site.toString());
    assertEquals(ExitCodes.OK, first.exit(), first.err());
    List<String> before = rows(db, "SELECT ?a ?h { ?a schema:headline ?h } ORDER BY ?a");
    assertEquals(4, before.size());
    copy(FEEDS.resolve("hostile"), site.resolve("hostile"));
    // a feed that was good and is now cut short is rejected; what it stored stays
    Files.copy(
        FEEDS.resolve("hostile/truncated.rss"),
        site.resolve("harbour.rss"),
        StandardCopyOption.REPLACE_EXISTING);
    Cli.Result second = Cli.run("ingest", "--no-infer-links", "--db", db, site.toString());
    assertEquals(ExitCodes.REJECTED, second.exit(), second.err());
    assertTrue(second.err().contains("harbour.rss:10:30: error: malformed XML"), second.err());
    assertEquals(before, rows(db, "SELECT ?a ?h { ?a schema:headline ?h } ORDER BY ?a"));
  }

  @Test
  void snapshotsGiveOneArticlePerItemDescribedByTheLatestSnapshotWhateverTheOrder()
      throws IOException {
    String bulk = tmp.resolve("bulk").toString();
    assertEquals(
        ExitCodes.OK,
        Cli.run("ingest", "--no-infer-links", "--db", bulk, FEEDS.resolve("snapshots").toString())
            .exit());
    // batched path, the later snapshot first and the earlier one in a second run
    String batched = tmp.resolve("batched").toString();
    for (String file : List.of("a-later.xml", "b-earlier.xml")) {
      Cli.Result run =
          Cli.run(
              "ingest",
              "--no-bulk",
              "--no-infer-links",
              "--db",
              batched,
              FEEDS.resolve("snapshots").resolve(file).toString());
      assertEquals(ExitCodes.OK, run.exit(), run.err());
    }
    String query =
        "SELECT ?u ?h (COALESCE(?d, '') AS ?desc) { ?a schema:url ?u ; schema:headline ?h"
            + " OPTIONAL { ?a schema:description ?d } } ORDER BY ?u";
    List<String> expected =
        List.of(
            "<https://quay-times.example/bus-route>\t\"New bus route\"\t\"\"",
            "<https://quay-times.example/market-hall>\t\"Market hall to close for repairs"
                + " (updated)\"\t\"The market hall closes in March; traders move to the quay.\"",
            "<https://quay-times.example/tide-tables>\t\"Tide tables published\"\t\"\"");
    assertEquals(expected, rows(bulk, query));
    assertEquals(expected, rows(batched, query));
  }

  @Test
  void withoutADocumentTimeTheFileTimeDecidesThenTheLaterName() throws IOException {
    Instant older = Instant.parse("2024-03-01T00:00:00Z");
    Instant newer = Instant.parse("2024-03-02T00:00:00Z");
    // the newer file has the smaller name: its time decides, not its name
    Path timed = tmp.resolve("timed");
    snapshot(timed.resolve("a.xml"), "Newest title", newer);
    snapshot(timed.resolve("b.xml"), "Older title", older);
    // the same time: the greater name (snapshots named by their time) is the later
    Path named = tmp.resolve("named");
    snapshot(named.resolve("20240301T000000.xml"), "Morning title", older);
    snapshot(named.resolve("20240301T120000.xml"), "Noon title", older);
    for (String threads : List.of("1", "3")) {
      for (boolean bulk : new boolean[] {true, false}) {
        assertEquals(List.of("\"Newest title\""), headlines(timed, threads, bulk));
        assertEquals(List.of("\"Noon title\""), headlines(named, threads, bulk));
      }
    }
  }

  private List<String> headlines(Path folder, String threads, boolean bulk) {
    String db = tmp.resolve("db-" + folder.getFileName() + threads + bulk).toString();
    List<String> args =
        new java.util.ArrayList<>(
            List.of("ingest", "--no-infer-links", "--threads", threads, "--db", db));
    if (!bulk) {
      args.add("--no-bulk");
    }
    args.add(folder.toString());
    Cli.Result run = Cli.run(args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    return rows(db, "SELECT ?h { ?a schema:headline ?h }");
  }

  private static void snapshot(Path file, String title, Instant time) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "<rss version=\"2.0\"><channel><title>Pier</title><link>https://pier.example/</link>"
            + "<item><title>"
            + title
            + "</title><link>https://pier.example/story</link>"
            + "<pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate></item></channel></rss>",
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(time));
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(f.getFileName().toString());
        Files.copy(f, target);
        Files.setLastModifiedTime(target, FileTime.from(Instant.now().minusSeconds(3600)));
      }
    }
  }

  private static String key(String url) {
    return org.newsgraph.vocab.IriFactory.of(org.newsgraph.vocab.IriFactory.DEFAULT_BASE)
        .article(url)
        .getURI()
        .replaceFirst(".*/", "");
  }

  /** The rows of a query's TSV answer, without the header. */
  static List<String> rows(String db, String query) {
    Cli.Result result = Cli.run("query", "--db", db, "-f", "tsv", PREFIXES + query);
    assertEquals(ExitCodes.OK, result.exit(), result.err());
    List<String> lines = Arrays.asList(result.out().split("\n"));
    return lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty()).toList();
  }
}
