package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;
import org.newsgraph.model.UrlLib;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The real feed corpus shared beside the project ({@code ../shared/corpus/feeds}: git-scraped
 * snapshots of three outlets' RSS feeds, and feeds of other formats), when it is present; skipped
 * with a message otherwise. The files are read where they are, never copied.
 */
class FeedCorpusTest {

  private static final Path CORPUS = Path.of("../shared/corpus/feeds");
  private static final Map<String, String> OUTLETS =
      Map.of("npr", "npr.org", "arstechnica", "arstechnica.com", "wgrznews", "wgrz.com");

  @TempDir static Path tmp;
  private static String db;
  private static Cli.Result run;

  @BeforeAll
  static void ingest() {
    assumeTrue(
        Files.isDirectory(CORPUS.resolve("snapshots")),
        "the shared feed corpus is not at ../shared/corpus/feeds: FeedCorpusTest skipped");
    db = tmp.resolve("db").toString();
    run = Cli.run("ingest", "--no-infer-links", "--db", db, CORPUS.toString());
  }

  @Test
  void everyFileIsReadAndNoneIsRejected() throws IOException {
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    long files;
    try (var walk = Files.walk(CORPUS)) {
      files = walk.filter(f -> f.toString().matches(".*\\.(xml|rss|atom)")).count();
    }
    String summary = run.err().lines().reduce("", (a, b) -> b);
    assertTrue(summary.startsWith("ingest: " + files + " files read,"), summary);
    assertTrue(summary.contains(" 0 rejected,"), summary);
    long snapshots = snapshotFiles().size();
    assertEquals(335, snapshots);
    // every snapshot is the source of at least one article graph
    assertEquals(
        List.of(Long.toString(snapshots)),
        FeedIngestTest.rows(
            db,
            "SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?g dcterms:source ?s }"
                + " FILTER(CONTAINS(?s, '/snapshots/')) }"));
  }

  @Test
  void eachOutletIsOneProviderAndEachDistinctItemLinkOneArticle() throws Exception {
    for (Map.Entry<String, String> outlet : OUTLETS.entrySet()) {
      List<String> providers =
          FeedIngestTest.rows(
              db,
              "SELECT DISTINCT ?p { GRAPH ?g { ?g dcterms:source ?s . ?a schema:publisher ?p }"
                  + " FILTER(CONTAINS(?s, '/snapshots/"
                  + outlet.getKey()
                  + "/')) }");
      assertEquals(
          List.of("<https://w3id.org/newsgraph/id/provider/" + outlet.getValue() + ">"), providers);
    }
    Set<String> links = new HashSet<>();
    for (Path file : snapshotFiles()) {
      for (Element item : items(parse(file))) {
        links.add(UrlLib.canonical(text(item, "link")));
      }
    }
    assertEquals(
        List.of(Integer.toString(links.size())),
        FeedIngestTest.rows(
            db,
            "SELECT (COUNT(DISTINCT ?a) AS ?n) { GRAPH ?g { ?g dcterms:source ?s . ?a a"
                + " news:Article } FILTER(CONTAINS(?s, '/snapshots/')) }"));
  }

  @Test
  void theItemsOfEachOutletsLatestSnapshotAreDescribedByIt() throws Exception {
    for (String outlet : OUTLETS.keySet()) {
      Path latest = latest(outlet);
      Map<String, String> titles = new LinkedHashMap<>();
      for (Element item : items(parse(latest))) {
        titles.put(UrlLib.canonical(text(item, "link")), text(item, "title").strip());
      }
      assertTrue(titles.size() > 5, latest.toString());
      List<String> stored =
          FeedIngestTest.rows(
              db,
              "SELECT ?c ?h { ?a news:canonicalUrl ?c ; schema:headline ?h ; schema:publisher"
                  + " <https://w3id.org/newsgraph/id/provider/"
                  + OUTLETS.get(outlet)
                  + "> }");
      Map<String, String> headlines = new LinkedHashMap<>();
      for (String row : stored) {
        String[] cells = row.split("\t", 2);
        headlines.put(
            cells[0].substring(1, cells[0].length() - 1),
            cells[1].substring(1, cells[1].length() - 1).replace("\\\"", "\""));
      }
      for (Map.Entry<String, String> item : titles.entrySet()) {
        assertEquals(
            item.getValue().replaceAll("\\s+", " "),
            headlines.get(item.getKey()),
            latest + ": " + item.getKey());
      }
    }
  }

  /**
   * The snapshot of an outlet that the rule of docs/inputs.md makes the latest: by lastBuildDate,
   * else the channel's pubDate, else the file's modification time; then by name.
   */
  private static Path latest(String outlet) throws Exception {
    List<Path> files = new ArrayList<>();
    for (Path file : snapshotFiles()) {
      if (file.getParent().getFileName().toString().equals(outlet)) {
        files.add(file);
      }
    }
    Map<Path, Long> times = new LinkedHashMap<>();
    for (Path file : files) {
      Element channel = (Element) parse(file).getElementsByTagName("channel").item(0);
      String time = text(channel, "lastBuildDate");
      if (time == null) {
        time = text(channel, "pubDate");
      }
      times.put(
          file,
          time != null
              ? ZonedDateTime.parse(time.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                  .toInstant()
                  .toEpochMilli()
              : Files.getLastModifiedTime(file).toMillis());
    }
    return files.stream()
        .max(
            Comparator.comparingLong((Path f) -> times.get(f))
                .thenComparing(f -> f.getFileName().toString()))
        .orElseThrow();
  }

  private static List<Path> snapshotFiles() throws IOException {
    try (var walk = Files.walk(CORPUS.resolve("snapshots"))) {
      return walk.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder builder = factory.newDocumentBuilder();
    return builder.parse(file.toFile());
  }

  private static List<Element> items(Document document) {
    NodeList nodes = document.getElementsByTagName("item");
    List<Element> items = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      items.add((Element) nodes.item(i));
    }
    return items;
  }

  /** The text of an element's first child element of that name, or null. */
  private static String text(Element parent, String name) {
    for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent();
      }
    }
    return null;
  }
}
