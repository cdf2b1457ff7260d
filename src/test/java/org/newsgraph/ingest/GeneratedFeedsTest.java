package org.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.cli.ExitCodes;
import org.newsgraph.generate.FeedSnapshotGenerator;
import org.newsgraph.model.UrlLib;

/**
 * A generated history of feed snapshots (the benchmark's input) ingests as the snapshot rules of
 * docs/inputs.md say: one article per distinct item link, each headed by its latest well-formed
 * snapshot; every snapshot cut short is rejected at a line and column; a new snapshot is the only
 * file a later run reads.
 */
class GeneratedFeedsTest {

  private static final int OUTLETS = 4;
  private static final int ITEMS = 8;
  private static final int SNAPSHOTS = 48;
  private final FeedSnapshotGenerator generator =
      new FeedSnapshotGenerator(3, OUTLETS, ITEMS, 0.08);

  @TempDir Path tmp;

  @Test
  void snapshotsGiveOneArticlePerItemHeadedByItsLatestSnapshot() throws Exception {
    Path src = tmp.resolve("feeds");
    generator.generate(src, 0, SNAPSHOTS);
    String db = tmp.resolve("db").toString();
    Cli.Result run = Cli.run("ingest", "--db", db, src.toString());

    int malformed = 0;
    // canonical link -> the headline of its latest well-formed snapshot
    Map<String, String> expected = new HashMap<>();
    Map<Integer, Integer> edited = new HashMap<>();
    for (long s = 0; s < SNAPSHOTS; s++) {
      if (generator.isMalformed(s)) {
        malformed++;
        String name = generator.path(s);
        assertTrue(
            run.err().matches("(?s).*" + name.replace(".", "\\.") + ":\\d+:\\d+: error: .*"),
            name + " is not reported at a line and column:\n" + run.err());
        continue;
      }
      int o = generator.outlet(s);
      long[] range = generator.itemRange(s);
      for (long q = range[0]; q < range[1]; q++) {
        String title = generator.title(o, q, generator.time(s));
        String before = expected.put(UrlLib.canonical(generator.link(o, q)), title);
        if (before != null && !before.equals(title)) {
          edited.merge(o, 1, Integer::sum);
        }
      }
    }
    assertTrue(malformed > 0 && malformed < SNAPSHOTS / 3, "malformed: " + malformed);
    assertTrue(!edited.isEmpty(), "the generator edits some headlines between snapshots");
    assertEquals(ExitCodes.REJECTED, run.exit(), run.err());
    String summary = run.err().lines().reduce("", (a, b) -> b);
    assertTrue(summary.contains(" " + malformed + " rejected"), summary);

    Map<String, String> stored = new TreeMap<>();
    for (String row :
        FeedIngestTest.rows(db, "SELECT ?c ?h { ?a news:canonicalUrl ?c ; schema:headline ?h }")) {
      String[] cells = row.split("\t", 2);
      String previous =
          stored.put(
              cells[0].substring(1, cells[0].length() - 1),
              cells[1].substring(1, cells[1].length() - 1));
      assertEquals(null, previous, "one headline per article: " + cells[0]);
    }
    assertEquals(new TreeMap<>(expected), stored);
    assertEquals(
        OUTLETS,
        FeedIngestTest.rows(db, "SELECT DISTINCT ?p { ?a a news:Article ; schema:publisher ?p }")
            .size());
  }

  @Test
  void aNewSnapshotIsTheOnlyFileALaterRunReads() throws Exception {
    Path src = tmp.resolve("feeds");
    FeedSnapshotGenerator clean = new FeedSnapshotGenerator(3, OUTLETS, ITEMS, 0);
    clean.generate(src, 0, SNAPSHOTS);
    String db = tmp.resolve("db").toString();
    assertEquals(ExitCodes.OK, Cli.run("ingest", "--db", db, src.toString()).exit());
    clean.generate(src, SNAPSHOTS, 1);
    Cli.Result again = Cli.run("ingest", "--db", db, src.toString());
    assertEquals(ExitCodes.OK, again.exit(), again.err());
    String summary = again.err().lines().reduce("", (a, b) -> b);
    assertTrue(summary.contains(" " + SNAPSHOTS + " unchanged,"), summary);

    // the new snapshot's items are described by it, the newest by it alone
    int o = clean.outlet(SNAPSHOTS);
    long newest = clean.itemRange(SNAPSHOTS)[1] - 1;
    assertNotEquals(
        clean.itemRange(SNAPSHOTS - OUTLETS)[1] - 1, newest, "the new snapshot has a new item");
    String link = UrlLib.canonical(clean.link(o, newest));
    assertEquals(
        List.of("\"" + clean.title(o, newest, clean.time(SNAPSHOTS)) + "\""),
        FeedIngestTest.rows(
            db, "SELECT ?h { ?a news:canonicalUrl <" + link + "> ; schema:headline ?h }"));
    List<String> sources =
        FeedIngestTest.rows(
            db,
            "SELECT DISTINCT ?s { ?a news:canonicalUrl <"
                + link
                + "> . GRAPH ?g { ?a ?p ?o . ?g dcterms:source ?s } }");
    assertEquals(1, sources.size(), sources.toString());
    assertTrue(sources.get(0).contains(clean.path(SNAPSHOTS)), sources.toString());
    assertTrue(Files.exists(src.resolve(clean.path(SNAPSHOTS))));
  }
}
