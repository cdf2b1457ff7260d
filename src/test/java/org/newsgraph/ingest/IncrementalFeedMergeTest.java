package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;
import org.newsgraph.generate.FeedSnapshotGenerator;

/**
 * A new snapshot of a feed is merged with the stored graphs of the items it repeats and what the
 * store keeps of their older descriptions (ingest/merges-TOKEN.bin), not by reading the older
 * snapshots again; and whatever the path a merge takes, the store ends as a clean ingest of the
 * folder would leave it.
 */
class IncrementalFeedMergeTest {

  private static final Instant HOUR_AGO = Instant.now().minusSeconds(3600);

  @TempDir Path tmp;

  @Test
  void aNewSnapshotMergesWithTheStoredGraphAndDoesNotReadTheOlderSnapshots() throws IOException {
    Path site = tmp.resolve("site");
    Path a = site.resolve("20240301T080000.xml");
    write(a, snapshot("Mon, 04 Mar 2024 08:00:00 GMT", "First title", "Alpha"));
    write(
        site.resolve("20240301T090000.xml"),
        snapshot("Mon, 04 Mar 2024 09:00:00 GMT", "Second title", "Beta"));
    String db = tmp.resolve("db").toString();
    // Batched: the merge of a and b reads both, so the state it keeps is exact. (After a bulk load
    // it is not: the headline the new snapshot replaces would send this merge to read them all.)
    assertEquals(ExitCodes.OK, ingest(db, site, "--no-bulk").exit());

    // The older snapshot now says Gamma where it said Alpha, with its size and time kept: only a
    // run that reads it again can see that.
    FileTime time = Files.getLastModifiedTime(a);
    String fooled = Files.readString(a).replace("Alpha", "Gamma");
    Files.writeString(a, fooled, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(a, time);

    write(
        site.resolve("20240301T100000.xml"),
        snapshot("Mon, 04 Mar 2024 10:00:00 GMT", "Third title", "Delta"));
    Cli.Result run = ingest(db, site);
    assertEquals(ExitCodes.OK, run.exit(), run.err());
    assertTrue(run.err().contains("0 added, 1 replaced, 2 unchanged"), run.err());
    assertEquals(List.of("\"Third title\""), rows(db, "SELECT ?h { ?a schema:headline ?h }"));
    assertEquals(
        List.of("\"Alpha\"", "\"Beta\"", "\"Delta\""),
        rows(db, "SELECT ?k { ?a schema:keywords ?k } ORDER BY ?k"));
    assertEquals(
        3,
        rows(db, "SELECT DISTINCT ?s { GRAPH ?g { ?a a news:Article . ?g dcterms:source ?s } }")
            .size());
  }

  @Test
  void snapshotsAddedOneByOneEndAsACleanIngestOfTheFolder() throws IOException {
    // Edited headlines (a later snapshot's own facts replace the stored winner's), snapshots cut
    // short, an older snapshot deleted with --prune and one rewritten (both merged in full).
    FeedSnapshotGenerator generator = new FeedSnapshotGenerator(5, 3, 6, 0.1);
    Path site = tmp.resolve("site");
    generator.generate(site, 0, 24);
    age(site);
    String db = tmp.resolve("db").toString();
    ingest(db, site, "--prune");
    for (long s = 24; s < 28; s++) {
      generator.generate(site, s, 1);
      age(site);
      if (s == 26) {
        Files.delete(site.resolve(generator.path(20)));
        Path older = site.resolve(generator.path(22));
        String text = Files.readString(older);
        write(older, text.replaceFirst("<title>[^<]*</title>", "<title>Rewritten</title>"));
      }
      Cli.Result run = ingest(db, site, "--prune");
      assertTrue(run.exit() == ExitCodes.OK || run.exit() == ExitCodes.REJECTED, run.err());
    }
    String clean = tmp.resolve("clean").toString();
    ingest(clean, site);
    assertSameStore(Path.of(db), Path.of(clean), "after 4 more snapshots");
  }

  private static void assertSameStore(Path incremental, Path clean, String when) {
    Set<Quad> got = IngestFixtures.comparableState(incremental);
    Set<Quad> expected = IngestFixtures.comparableState(clean);
    Set<Quad> extra = new HashSet<>(got);
    extra.removeAll(expected);
    Set<Quad> missing = new HashSet<>(expected);
    missing.removeAll(got);
    assertTrue(extra.isEmpty(), when + ": only in the incremental store: " + extra);
    assertTrue(missing.isEmpty(), when + ": only in the clean store: " + missing);
  }

  private static String snapshot(String built, String title, String category) {
    return "<rss version=\"2.0\"><channel><title>Pier</title><link>https://pier.example/</link>"
        + "<lastBuildDate>"
        + built
        + "</lastBuildDate><item><title>"
        + title
        + "</title><link>https://pier.example/story</link><category>"
        + category
        + "</category><pubDate>Mon, 04 Mar 2024 07:00:00 GMT</pubDate></item></channel></rss>";
  }

  private static Cli.Result ingest(String db, Path site, String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("ingest", "--no-infer-links", "--db", db));
    args.addAll(List.of(more));
    args.add(site.toString());
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<String> rows(String db, String query) {
    return FeedIngestTest.rows(db, query);
  }

  /** Dates every file an hour back, so that no stamp is racy (as a poller's older snapshots). */
  private static void age(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (Files.getLastModifiedTime(f).toInstant().isAfter(HOUR_AGO.plusSeconds(600))) {
          Files.setLastModifiedTime(f, FileTime.from(HOUR_AGO));
        }
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(HOUR_AGO));
  }
}
