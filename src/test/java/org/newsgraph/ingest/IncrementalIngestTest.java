package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.ingest.IngestFixtures.cli;
import static org.newsgraph.ingest.IngestFixtures.corpus;
import static org.newsgraph.ingest.IngestFixtures.dataQuads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

class IncrementalIngestTest {

  @TempDir Path tmp;

  @Test
  void unchangedFilesAreSkippedAndAChangedFileHasItsGraphReplaced() throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 30);
    String db = tmp.resolve("db").toString();
    Cli.Result first = cli("ingest", "--db", db, src.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("30 files read, 30 added, 0 replaced, 0 unchanged");

    Cli.Result again = cli("ingest", "--db", db, src.toString());
    assertThat(again.err()).contains("30 files read, 0 added, 0 replaced, 30 unchanged");
    Set<Quad> before = dataQuads(Path.of(db));

    Path changed = files(src).get(3);
    String text = Files.readString(changed, StandardCharsets.UTF_8);
    String newText = text.replaceFirst("(?m)^title: .*$", "title: \"A brand new headline\"");
    Files.writeString(changed, newText, StandardCharsets.UTF_8);
    Cli.Result third = cli("ingest", "--db", db, src.toString());
    assertThat(third.err()).contains("30 files read, 0 added, 1 replaced, 29 unchanged");

    Set<Quad> after = dataQuads(Path.of(db));
    assertThat(after)
        .anyMatch(
            q ->
                q.getObject().isLiteral()
                    && q.getObject().getLiteralLexicalForm().equals("A brand new headline"));
    assertThat(before).hasSameSizeAs(after); // one literal swapped for another
  }

  @Test
  void aFileThatNowDescribesAnotherArticleLosesItsOldGraph() throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 5);
    String db = tmp.resolve("db").toString();
    cli("ingest", "--db", db, src.toString());
    Path file = files(src).get(0);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String oldUrl = text.replaceAll("(?s).*\nwebUrl: \"([^\"]+)\".*", "$1");
    Files.writeString(
        file,
        text.replace("webUrl: \"" + oldUrl + "\"", "webUrl: \"https://moved.example.org/article\""),
        StandardCharsets.UTF_8);

    Cli.Result run = cli("ingest", "--db", db, src.toString());
    assertThat(run.err()).contains("1 added, 0 replaced, 4 unchanged, 0 rejected, 1 removed");
    Node oldGraph = IriFactory.of(IriFactory.DEFAULT_BASE).articleGraph(oldUrl);
    assertThat(dataQuads(Path.of(db))).noneMatch(q -> q.getGraph().equals(oldGraph));
  }

  @Test
  void pruneRemovesTheGraphsOfDeletedFilesAndOnlyWhenAsked() throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 10);
    String db = tmp.resolve("db").toString();
    cli("ingest", "--db", db, src.toString());
    Path gone = files(src).get(2);
    String url =
        Files.readString(gone, StandardCharsets.UTF_8)
            .replaceAll("(?s).*\nwebUrl: \"([^\"]+)\".*", "$1");
    Node graph = IriFactory.of(IriFactory.DEFAULT_BASE).articleGraph(url);
    Files.delete(gone);

    assertThat(cli("ingest", "--db", db, src.toString()).err()).contains("0 removed");
    assertThat(dataQuads(Path.of(db))).anyMatch(q -> q.getGraph().equals(graph));

    Cli.Result pruned = cli("ingest", "--prune", "--db", db, src.toString());
    assertThat(pruned.err()).contains("9 unchanged, 0 rejected, 1 removed");
    assertThat(dataQuads(Path.of(db))).noneMatch(q -> q.getGraph().equals(graph));
    try (Tdb2Store store = Tdb2Store.open(Path.of(db))) {
      assertThat(metaMentions(store, graph)).isFalse();
    }
  }

  @Test
  void bulkLoadAndBatchedTransactionsGiveIdenticalGraphs() throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 60);
    String bulkDb = tmp.resolve("bulk").toString();
    String txnDb = tmp.resolve("txn").toString();
    Cli.Result bulk = cli("ingest", "--db", bulkDb, src.toString());
    Cli.Result txn =
        cli(
            "ingest",
            "--no-bulk",
            "--batch-size",
            "7",
            "--threads",
            "3",
            "--db",
            txnDb,
            src.toString());
    assertThat(bulk.err()).contains("[bulk load]");
    assertThat(txn.err()).doesNotContain("[bulk load]");
    Set<Quad> fromBulk = dataQuads(Path.of(bulkDb));
    assertThat(fromBulk).hasSizeGreaterThan(1000).isEqualTo(dataQuads(Path.of(txnDb)));
    assertThat(fromBulk)
        .as("the stories, loaded with the records on the bulk path")
        .anyMatch(q -> q.getGraph().getURI().startsWith(IriFactory.DEFAULT_BASE + "graph/story/"));
  }

  @Test
  void aBulkLoadWhereALaterFileRedescribesAnArticleKeepsTheLinksOfBothDescriptions()
      throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 30);
    // a.md links its article to two outside articles, which nothing else cites: one story of three.
    // later/a.md (named after src, so read after it) describes the same article without links: the
    // article is the merge of both descriptions, so the story stays, on both paths.
    Files.writeString(
        src.resolve("a.md"),
        record(
            "https://one.example.org/a",
            """
        related:
          - title: "Outside one"
            publishedDateTime: 2021-03-01T10:00:00Z
            webUrl: "https://two.example.org/b"
            provider:
              name: Two
          - title: "Outside two"
            publishedDateTime: 2021-03-01T09:00:00Z
            webUrl: "https://three.example.org/c"
            provider:
              name: Three
        """),
        StandardCharsets.UTF_8);
    Path later = Files.createDirectories(tmp.resolve("later"));
    Files.writeString(
        later.resolve("a.md"), record("https://one.example.org/a", ""), StandardCharsets.UTF_8);
    String bulkDb = tmp.resolve("bulk").toString();
    String txnDb = tmp.resolve("txn").toString();
    Cli.Result bulk = cli("ingest", "--db", bulkDb, src.toString(), later.toString());
    Cli.Result txn = cli("ingest", "--no-bulk", "--db", txnDb, src.toString(), later.toString());
    assertThat(bulk.err())
        .contains("[bulk load]", "1 merged from 2 descriptions")
        .doesNotContain(": warning:");
    assertThat(txn.err()).contains("1 merged from 2 descriptions");
    Set<Quad> fromBulk = dataQuads(Path.of(bulkDb));
    assertThat(fromBulk).isEqualTo(dataQuads(Path.of(txnDb)));
    Node outside = IriFactory.of(IriFactory.DEFAULT_BASE).article("https://two.example.org/b");
    assertThat(fromBulk)
        .anyMatch(
            q ->
                q.getSubject().equals(outside)
                    && q.getPredicate().equals(org.newsgraph.story.StoryNames.IN_STORY));
  }

  private static String record(String url, String related) {
    return "---\ntitle: \"An article\"\npublishedDateTime: 2021-03-01T08:00:00Z\nwebUrl: \""
        + url
        + "\"\nprovider:\n  name: One\n"
        + related
        + "---\n";
  }

  @Test
  void everyGraphCarriesItsSourcePathHashAndIngestTime() throws Exception {
    Path src = corpus(tmp.resolve("src"), 0, 3);
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), src.toString());
    Path file = files(src).get(1);
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    try (Tdb2Store store = Tdb2Store.open(db)) {
      Set<Quad> meta = metaQuads(store);
      Node source =
          meta.stream()
              .filter(
                  q ->
                      q.getPredicate().equals(Provenance.SOURCE_PATH)
                          && q.getObject()
                              .getLiteralLexicalForm()
                              .equals(file.toAbsolutePath().normalize().toString()))
              .map(Quad::getSubject)
              .findFirst()
              .orElseThrow();
      assertThat(meta)
          .contains(
              Quad.create(
                  IngestFixtures.META,
                  source,
                  Provenance.SHA256,
                  NodeFactory.createLiteralString(sha)));
      assertThat(meta)
          .anyMatch(
              q ->
                  q.getSubject().equals(source)
                      && q.getPredicate().getURI().endsWith("generatedAtTime"));
      assertThat(meta)
          .anyMatch(
              q ->
                  q.getObject().equals(source)
                      && q.getPredicate().getURI().endsWith("wasDerivedFrom"));
    }
    Cli.Result stats = cli("stats", "--db", db.toString(), "--format", "csv");
    assertThat(stats.out()).contains("started,ended,read,added,replaced,unchanged,failed,removed");
    assertThat(stats.out()).containsPattern("\\d{4}-[^,]+,\\d{4}-[^,]+,3,3,0,0,0,0");
  }

  @Test
  void aFileWhoseSizeAndModificationTimeAreUnchangedIsNotReadUnlessChecksumIsAsked()
      throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 8);
    FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    for (Path file : files(src)) {
      Files.setLastModifiedTime(file, anHourAgo);
    }
    String db = tmp.resolve("db").toString();
    cli("ingest", "--db", db, src.toString());
    // Same size, same modification time, other bytes: what `git status` would not see either.
    Path file = files(src).get(5);
    String same = retitleKeepingSize(file, 'X');
    Files.setLastModifiedTime(file, anHourAgo);

    assertThat(cli("ingest", "--db", db, src.toString()).err()).contains("0 replaced, 8 unchanged");
    assertThat(dataQuads(Path.of(db))).noneMatch(q -> isLiteral(q, same));

    assertThat(cli("ingest", "--checksum", "--db", db, src.toString()).err())
        .contains("1 replaced, 7 unchanged");
    assertThat(dataQuads(Path.of(db))).anyMatch(q -> isLiteral(q, same));
  }

  @Test
  void aFileModifiedMomentsBeforeItWasReadGetsNoStampSoItsNextChangeIsSeen() throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 3);
    Path file = files(src).get(1);
    FileTime justNow = FileTime.from(Instant.now());
    Files.setLastModifiedTime(file, justNow);
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), src.toString());
    try (Tdb2Store store = Tdb2Store.open(db)) {
      assertThat(stampOf(store, file)).as("a racy file has no stamp").isNull();
    }
    // Changed within the same clock tick: size and time equal what the first run saw.
    String same = retitleKeepingSize(file, 'Y');
    Files.setLastModifiedTime(file, justNow);

    assertThat(cli("ingest", "--db", db.toString(), src.toString()).err()).contains("1 replaced");
    assertThat(dataQuads(db)).anyMatch(q -> isLiteral(q, same));
  }

  @Test
  void aTouchedFileIsHashedOnceAndItsNewStampRecorded() throws IOException {
    Path src = corpus(tmp.resolve("src"), 0, 4);
    FileTime twoHoursAgo =
        FileTime.from(Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MILLIS));
    FileTime anHourAgo =
        FileTime.from(Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS));
    for (Path file : files(src)) {
      Files.setLastModifiedTime(file, twoHoursAgo);
    }
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), src.toString());
    Path file = files(src).get(2);
    try (Tdb2Store store = Tdb2Store.open(db)) {
      assertThat(stampOf(store, file)).isEqualTo(twoHoursAgo.toInstant());
    }
    Files.setLastModifiedTime(file, anHourAgo);

    assertThat(cli("ingest", "--db", db.toString(), src.toString()).err())
        .contains("0 replaced, 4 unchanged");
    try (Tdb2Store store = Tdb2Store.open(db)) {
      assertThat(stampOf(store, file)).isEqualTo(anHourAgo.toInstant());
    }
  }

  /**
   * Replaces a record's title with a run of one character as long in bytes, so the file keeps its
   * size; the caller sets its modification time.
   *
   * @return the new title
   */
  private static String retitleKeepingSize(Path file, char fill) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String title = text.replaceAll("(?s).*\ntitle: \"([^\"]+)\".*", "$1");
    String same = String.valueOf(fill).repeat(title.getBytes(StandardCharsets.UTF_8).length);
    Files.writeString(
        file,
        text.replace("title: \"" + title + "\"", "title: \"" + same + "\""),
        StandardCharsets.UTF_8);
    return same;
  }

  private static boolean isLiteral(Quad q, String lexical) {
    return q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().equals(lexical);
  }

  /** The modification time recorded in the stamp of a file, or null when it has none. */
  private static Instant stampOf(Tdb2Store store, Path file) {
    Set<Quad> meta = metaQuads(store);
    Node source =
        meta.stream()
            .filter(
                q ->
                    q.getPredicate().equals(Provenance.SOURCE_PATH)
                        && q.getObject()
                            .getLiteralLexicalForm()
                            .equals(file.toAbsolutePath().normalize().toString()))
            .map(Quad::getSubject)
            .findFirst()
            .orElseThrow();
    Node stamp =
        meta.stream()
            .filter(
                q -> q.getPredicate().equals(Provenance.STAMP_OF) && q.getObject().equals(source))
            .map(Quad::getSubject)
            .findFirst()
            .orElse(null);
    if (stamp == null) {
      return null;
    }
    return meta.stream()
        .filter(
            q ->
                q.getSubject().equals(stamp) && q.getPredicate().equals(Provenance.SOURCE_MODIFIED))
        .map(q -> Instant.parse(q.getObject().getLiteralLexicalForm()))
        .findFirst()
        .orElseThrow();
  }

  private static boolean metaMentions(Tdb2Store store, Node node) {
    return metaQuads(store).stream()
        .anyMatch(q -> q.getSubject().equals(node) || q.getObject().equals(node));
  }

  private static Set<Quad> metaQuads(Tdb2Store store) {
    Set<Quad> out = new java.util.HashSet<>();
    store.exportQuads(
        IngestFixtures.META,
        new org.apache.jena.riot.system.StreamRDFBase() {
          @Override
          public void quad(Quad q) {
            out.add(q);
          }
        });
    return out;
  }

  static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
