package org.newsgraph.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;

/**
 * Inferred links in a real store (TDB2 in a temporary folder, through the CLI): same-story links
 * and copies on the bulk and the batched path, incremental runs that end where a clean run does,
 * removed records taking their links along, and inference switched off.
 */
class InferredLinksTest {

  private static final String PREFIX = "PREFIX news: <https://w3id.org/newsgraph/ns#>\n";

  @TempDir Path dir;

  private Path site() throws IOException {
    return InferenceSite.write(dir.resolve("site"));
  }

  private static void record(
      Path folder, String name, String title, String excerpt, String when, String domain)
      throws IOException {
    InferenceSite.record(folder, name, title, excerpt, when, domain);
  }

  private static List<String> rows(Path db, String sparql) {
    Cli.Result r = Cli.run("query", "--db", db.toString(), "-f", "csv", PREFIX + sparql);
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> lines = new ArrayList<>(r.out().lines().toList());
    lines.remove(0);
    return lines;
  }

  private static final String SAME_STORY =
      "SELECT ?x ?y WHERE { ?a news:sameStory ?b . ?a news:canonicalUrl ?x . ?b news:canonicalUrl"
          + " ?y FILTER (STR(?x) < STR(?y)) } ORDER BY ?x ?y";

  @Test
  void bulkIngestInfersSameStoryLinksAndCopies() throws IOException {
    Path db = dir.resolve("db");
    Cli.Result run = IngestFixtures.cli("ingest", "--db", db.toString(), site().toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(rows(db, SAME_STORY))
        .containsExactly(
            "https://acme.example/widget,https://wire.example/widget-copy",
            "https://motor.example/zoox-2,https://reuters.example/zoox");
    assertThat(
            rows(
                db,
                "SELECT ?x ?y WHERE { ?a news:copyOf ?b . ?a news:canonicalUrl ?x . ?b"
                    + " news:canonicalUrl ?y }"))
        .containsExactly("https://wire.example/widget-copy,https://acme.example/widget");
    assertThat(rows(db, "SELECT ?s WHERE { ?s news:storySize 2 }")).hasSize(2);
    assertThat(
            rows(
                db,
                "SELECT ?score WHERE { ?s a news:Similarity ; news:score ?score ; news:between"
                    + " ?a . ?a news:canonicalUrl <https://reuters.example/zoox> }"))
        .singleElement()
        .satisfies(score -> assertThat(Double.parseDouble(score)).isBetween(0.325, 1.0));
  }

  /** What happens to the text profiles kept beside the store before the incremental run. */
  enum ProfileFileBefore {
    KEPT,
    DELETED,
    DAMAGED
  }

  @ParameterizedTest
  @EnumSource(ProfileFileBefore.class)
  void incrementalRunsEndWhereACleanRunDoes(ProfileFileBefore before) throws IOException {
    Path site = site();
    Path db = dir.resolve("db");
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), site.toString()).exit())
        .isZero();
    Path kept = profileFile(db);
    switch (before) {
      case KEPT -> {}
      case DELETED -> Files.delete(kept);
      case DAMAGED -> {
        byte[] bytes = Files.readAllBytes(kept);
        Files.write(kept, java.util.Arrays.copyOf(bytes, bytes.length - 7));
      }
    }
    // A third report joins the story; a record is edited out of it; one goes.
    record(
        site,
        "zoox-3",
        "Tesla and Zoox settle lawsuit over stolen trade secrets",
        "Zoox will pay Tesla an undisclosed amount to settle the lawsuit over data.",
        "2020-04-17T09:00:00Z",
        "law.example");
    record(
        site,
        "zoox-2",
        "Quarterly earnings of car makers",
        "Car makers report their quarter.",
        "2020-04-16T14:00:00Z",
        "motor.example");
    Files.delete(site.resolve("_news/widget-copy.md"));
    Cli.Result run =
        IngestFixtures.cli("ingest", "--prune", "--db", db.toString(), site.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(rows(db, SAME_STORY))
        .containsExactly("https://law.example/zoox-3,https://reuters.example/zoox");
    assertThat(rows(db, "SELECT ?a WHERE { ?a news:copyOf ?b }")).isEmpty();
    assertThat(profileFile(db)).as("a new profile file replaces the old one").isNotEqualTo(kept);

    Path clean = dir.resolve("clean");
    assertThat(IngestFixtures.cli("ingest", "--db", clean.toString(), site.toString()).exit())
        .isZero();
    assertThat(IngestFixtures.comparableState(db)).isEqualTo(IngestFixtures.comparableState(clean));
  }

  @Test
  void recordsAddedAmongStoredOnesPairWithThemAsInACleanRun() throws IOException {
    // Generated records whose stories span the stored and the added ones: every fifth record
    // is held back from the first run, then added; the added ones pair with stored ones of their
    // stories (the sweep's stored-against-changed path) and with each other.
    Path site = dir.resolve("gen");
    Cli.Result made =
        IngestFixtures.cli("generate", "--count", "240", "--seed", "5", "--out", site.toString());
    assertThat(made.exit()).as(made.err()).isZero();
    Path held = dir.resolve("held");
    IngestFixtures.holdBack(site, held, 5);
    Path db = dir.resolve("db");
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), site.toString()).exit())
        .isZero();
    int before = rows(db, SAME_STORY).size();
    // Added in two runs: the second compares with profiles that the first copied as stored, most
    // of them far from every article the first added (never decoded by it).
    for (int half = 0; half < 2; half++) {
      IngestFixtures.putBack(held, site, half == 0 ? 2 : 1); // every other, then the rest
      Cli.Result run = IngestFixtures.cli("ingest", "--db", db.toString(), site.toString());
      assertThat(run.exit()).as(run.err()).isZero();
    }
    assertThat(rows(db, SAME_STORY).size())
        .as("the added records brought links")
        .isGreaterThan(before);

    Path clean = dir.resolve("clean");
    assertThat(IngestFixtures.cli("ingest", "--db", clean.toString(), site.toString()).exit())
        .isZero();
    assertThat(rows(db, SAME_STORY)).isEqualTo(rows(clean, SAME_STORY));
    assertThat(IngestFixtures.comparableState(db)).isEqualTo(IngestFixtures.comparableState(clean));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void repeatsOfOneTextLinkToItsFirstAloneAndRunsThatMoveTheFirstEndAsACleanRun(
      boolean profilesLost) throws IOException {
    // A notice re-posted under 40 URLs every four hours, among two near copies of it and a story
    // of two: each repeat is a copy of the earliest alone (not 780 pairs). Then earlier repeats
    // arrive (the text's first moves back) and a repeat goes; then the first twenty go, so that
    // the new first is within the window of a near copy that no stored link led to. Each time,
    // the store ends as a clean run of the folder does.
    Path site = dir.resolve("notices");
    Path later = dir.resolve("later");
    java.time.Instant start = java.time.Instant.parse("2024-05-01T00:00:00Z");
    for (int i = 0; i < 40; i++) {
      record(
          i < 5 ? later : site,
          String.format("notice-%02d", i),
          "Subscribe to our newsletter for the latest updates",
          "Sign up to receive the best stories of the day in your inbox every morning.",
          start.plusSeconds(4 * 3600L * i).toString(),
          "site" + i % 5 + ".example");
    }
    record(
        site,
        "near",
        "Subscribe to our newsletter for the latest market updates",
        "Sign up to receive the best stories of the day in your inbox every morning.",
        "2024-05-02T20:00:00Z",
        "markets.example");
    record(
        site,
        "near-late",
        "Subscribe to our newsletter for the latest sports updates",
        "Sign up to receive the best stories of the day in your inbox every morning.",
        "2024-05-10T00:00:00Z",
        "sports.example");
    record(
        site,
        "ferry",
        "Harbour ferry crews end their strike",
        "The ferry crews return to work on Monday after a week-long strike over pay.",
        "2024-05-01T08:00:00Z",
        "port.example");
    record(
        site,
        "ferry-2",
        "Ferry strike ends as harbour crews return to work",
        "Crews of the harbour ferry return to work on Monday; the strike over pay is over.",
        "2024-05-01T12:00:00Z",
        "news.example");
    Path db = dir.resolve("db");
    Cli.Result first = IngestFixtures.cli("ingest", "--db", db.toString(), site.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    String copies =
        "SELECT ?x ?y WHERE { ?a news:copyOf ?b . ?a news:canonicalUrl ?x . ?b news:canonicalUrl"
            + " ?y } ORDER BY ?x";
    assertThat(rows(db, copies))
        .as("34 repeats and the near copy, each a copy of the first")
        .hasSize(35)
        .allSatisfy(row -> assertThat(row).endsWith(",https://site0.example/notice-05"));
    assertThat(rows(db, "SELECT ?s WHERE { ?s a news:Similarity }"))
        .as("the 35 copies and the ferry story; the late near copy is out of the first's window")
        .hasSize(36);

    for (int i = 0; i < 5; i++) {
      String name = String.format("notice-%02d.md", i);
      Files.createDirectories(site.resolve("_news"));
      Files.move(later.resolve("_news/" + name), site.resolve("_news/" + name));
    }
    Files.delete(site.resolve("_news/notice-20.md"));
    assertRunEndsAsACleanOne(site, db, "earlier repeats added, a repeat removed");
    assertThat(rows(db, copies))
        .hasSize(39)
        .allSatisfy(row -> assertThat(row).endsWith(",https://site0.example/notice-00"));

    for (int i = 0; i < 20; i++) {
      Files.delete(site.resolve(String.format("_news/notice-%02d.md", i)));
    }
    if (profilesLost) {
      // As on a remote store, which keeps no file: the run profiles the store as it finds it,
      // where the removed first's text is gone.
      Files.delete(profileFile(db));
    }
    assertRunEndsAsACleanOne(site, db, "the first twenty removed");
    assertThat(rows(db, copies))
        .as(
            "the 19 repeats and the late near copy, now linked through the new first (a copy of"
                + " the near copy, the earliest copy of the text now)")
        .hasSize(20)
        .contains("https://sports.example/near-late,https://markets.example/near")
        .allSatisfy(row -> assertThat(row).endsWith(",https://markets.example/near"));
  }

  /**
   * One release of a template, about the company of a number; in title case, where capitals do not
   * tell the subjects apart, so that the releases pair.
   */
  private static void release(Path site, int n, String when) throws IOException {
    String[] cities = {"Berlin", "Paris", "London", "Austin", "Boston", "Oslo", "Madrid"};
    String city = cities[n % cities.length];
    int sum = 3 + n * 7 % 80;
    record(
        site,
        String.format("release-%02d", n),
        "Company"
            + n
            + " Raises $"
            + sum
            + " Million In Series A Round To Expand AI Platform In "
            + city,
        "Company"
            + n
            + ", the "
            + city
            + "-based startup building AI tools, said it raised $"
            + sum
            + " million in a Series A round led by venture investors.",
        when,
        "wire" + n % 4 + ".example");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void aCrowdedWindowKeepsEachArticlesStrongestPairsAndRunsThatChangeThemEndAsACleanRun(
      boolean profilesLost) throws IOException {
    // Fourteen releases of one template within two days, each keeping its two strongest pairs
    // with earlier ones. Then releases leave the pairs of later ones (removed, rewritten, moved
    // in time): a later one takes its next strongest, which no stored pair named; and releases
    // arrive among the stored ones, displacing pairs of later ones. Each time, the store ends as
    // a clean run of the folder does.
    Path site = dir.resolve("releases");
    java.time.Instant start = java.time.Instant.parse("2024-05-01T00:00:00Z");
    for (int n = 0; n < 14; n++) {
      release(site, n, start.plusSeconds(3 * 3600L * n).toString());
    }
    Path db = dir.resolve("db");
    Cli.Result first = neighbours2(db, site);
    assertThat(first.exit()).as(first.err()).isZero();
    List<String> similar = rows(db, "SELECT ?s WHERE { ?s a news:Similarity }");
    assertThat(similar).as("at most two for each release but the first").hasSize(2 * 13 - 1);

    for (int n : new int[] {1, 4, 8}) {
      Files.delete(site.resolve(String.format("_news/release-%02d.md", n)));
    }
    record(
        site,
        "release-06",
        "Harbour ferry crews end their strike",
        "The ferry crews return to work on Monday after a week-long strike over pay.",
        start.plusSeconds(3 * 3600L * 6).toString(),
        "port.example");
    release(site, 10, start.plusSeconds(40 * 3600L).toString()); // moved later
    if (profilesLost) {
      Files.delete(profileFile(db));
    }
    assertCleanWithTwoNeighbours(site, db, "releases removed, rewritten and moved");
    for (int n : new int[] {20, 21, 22}) {
      release(site, n, start.plusSeconds(3 * 3600L * (n - 20) + 1800).toString());
    }
    if (profilesLost) {
      Files.delete(profileFile(db));
    }
    assertCleanWithTwoNeighbours(site, db, "releases added among the stored ones");
  }

  @Test
  void releasesOfOneTemplateAboutOtherSubjectsAreNeitherLinkedNorCopies() throws IOException {
    // Thirty releases of one template within a day, each naming another company and city: their
    // words are nearly the same (each would be a copy of the first), their subjects are not.
    Path site = dir.resolve("template");
    String[] cities = {"Berlin", "Paris", "London", "Austin", "Boston", "Oslo", "Madrid"};
    for (int n = 0; n < 30; n++) {
      String company = "Startup" + (char) ('A' + n % 26) + n;
      String city = cities[n % cities.length];
      record(
          site,
          String.format("funding-%02d", n),
          company + " raises $" + (3 + n) + " million to expand its AI platform in " + city,
          company
              + ", the "
              + city
              + "-based startup building AI tools, said it raised $"
              + (3 + n)
              + " million in a round led by venture investors.",
          java.time.Instant.parse("2024-05-01T00:00:00Z").plusSeconds(1800L * n).toString(),
          "wire" + n % 4 + ".example");
    }
    Path db = dir.resolve("db");
    Cli.Result run = IngestFixtures.cli("ingest", "--db", db.toString(), site.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(rows(db, "SELECT ?s WHERE { ?s a news:Similarity }")).isEmpty();
    assertThat(rows(db, "SELECT ?a WHERE { ?a news:canonicalUrl ?u }")).hasSize(30);
    assertThat(rows(db, "SELECT ?a WHERE { ?a news:inStory ?s }")).as("no story of two").isEmpty();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
  void anArticleThatLosesOneOfItsStrongestPairsTakesItsNextStrongest(boolean profilesLost)
      throws IOException {
    // The last article is similar to three earlier ones and keeps the two strongest; the third,
    // "far", is similar to nothing else, so no stored pair leads to it. When one of the two goes,
    // the last article pairs with "far" instead, as a clean run does.
    Path site = dir.resolve("crowd");
    record(
        site,
        "far",
        "quintex vornal drublic sepho mirtan caldor",
        "",
        "2024-05-01T00:00:00Z",
        "far.example");
    record(
        site,
        "one",
        "zorblat ketrin plavo quintex obrin feslet",
        "",
        "2024-05-01T01:00:00Z",
        "one.example");
    record(
        site,
        "two",
        "zorblat ketrin plavo quintex umbrec tolvar",
        "",
        "2024-05-01T02:00:00Z",
        "two.example");
    record(
        site,
        "last",
        "zorblat ketrin plavo quintex vornal drublic",
        "",
        "2024-05-01T03:00:00Z",
        "last.example");
    Path db = dir.resolve("db");
    Cli.Result first = neighbours2(db, site);
    assertThat(first.exit()).as(first.err()).isZero();
    String pairs =
        "SELECT ?x ?y WHERE { ?s a news:Similarity ; news:between ?a , ?b . ?a news:canonicalUrl"
            + " ?x . ?b news:canonicalUrl ?y FILTER (STR(?x) < STR(?y)) } ORDER BY ?x ?y";
    assertThat(rows(db, pairs))
        .containsExactly(
            "https://last.example/last,https://one.example/one",
            "https://last.example/last,https://two.example/two",
            "https://one.example/one,https://two.example/two");
    Files.delete(site.resolve("_news/one.md"));
    if (profilesLost) {
      Files.delete(profileFile(db));
    }
    assertCleanWithTwoNeighbours(site, db, "one of the two strongest removed");
    assertThat(rows(db, pairs))
        .containsExactly(
            "https://far.example/far,https://last.example/last",
            "https://last.example/last,https://two.example/two");
  }

  private static Cli.Result neighbours2(Path db, Path site) {
    return IngestFixtures.cli(
        "ingest", "--prune", "--infer-neighbours", "2", "--db", db.toString(), site.toString());
  }

  private void assertCleanWithTwoNeighbours(Path site, Path db, String what) {
    Cli.Result run = neighbours2(db, site);
    assertThat(run.exit()).as(run.err()).isZero();
    Path clean = dir.resolve("clean-" + Math.abs(what.hashCode()));
    Cli.Result cleanRun = neighbours2(clean, site);
    assertThat(cleanRun.exit()).as(cleanRun.err()).isZero();
    assertThat(rows(db, "SELECT ?s WHERE { ?s a news:Similarity } ORDER BY ?s"))
        .as(what)
        .isEqualTo(rows(clean, "SELECT ?s WHERE { ?s a news:Similarity } ORDER BY ?s"));
    assertThat(IngestFixtures.comparableState(db))
        .as(what)
        .isEqualTo(IngestFixtures.comparableState(clean));
  }

  private void assertRunEndsAsACleanOne(Path site, Path db, String what) throws IOException {
    Cli.Result run =
        IngestFixtures.cli("ingest", "--prune", "--db", db.toString(), site.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    Path clean = dir.resolve("clean-" + Math.abs(what.hashCode()));
    Cli.Result cleanRun = IngestFixtures.cli("ingest", "--db", clean.toString(), site.toString());
    assertThat(cleanRun.exit()).as(cleanRun.err()).isZero();
    assertThat(rows(db, SAME_STORY)).as(what).isEqualTo(rows(clean, SAME_STORY));
    assertThat(IngestFixtures.comparableState(db))
        .as(what)
        .isEqualTo(IngestFixtures.comparableState(clean));
  }

  /**
   * The one profile file beside a store, named by the token its metadata records (so that the next
   * run reads it).
   */
  private static Path profileFile(Path db) throws IOException {
    List<Path> files;
    try (var listed = Files.list(db.resolve("inference"))) {
      files = listed.toList();
    }
    assertThat(files).as("the files in " + db.resolve("inference")).hasSize(1);
    List<String> token =
        rows(
            db,
            "SELECT ?t WHERE { GRAPH <https://w3id.org/newsgraph/id/graph/meta> {"
                + " <https://w3id.org/newsgraph/id/inference>"
                + " <http://purl.org/dc/terms/identifier> ?t } }");
    assertThat(token).hasSize(1);
    assertThat(files.get(0).getFileName().toString())
        .isEqualTo("profiles-" + token.get(0) + ".bin");
    return files.get(0);
  }

  @Test
  void theBatchedPathInfersWhatTheBulkPathDoes() throws IOException {
    Path site = site();
    Path bulk = dir.resolve("bulk");
    Path batched = dir.resolve("batched");
    assertThat(IngestFixtures.cli("ingest", "--db", bulk.toString(), site.toString()).exit())
        .isZero();
    assertThat(
            IngestFixtures.cli("ingest", "--no-bulk", "--db", batched.toString(), site.toString())
                .exit())
        .isZero();
    assertThat(IngestFixtures.comparableState(batched))
        .isEqualTo(IngestFixtures.comparableState(bulk));
  }

  @Test
  void switchingInferenceOffRemovesTheInferredLinks() throws IOException {
    Path site = site();
    Path db = dir.resolve("db");
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), site.toString()).exit())
        .isZero();
    assertThat(rows(db, SAME_STORY)).isNotEmpty();
    Cli.Result off =
        IngestFixtures.cli("ingest", "--no-infer-links", "--db", db.toString(), site.toString());
    assertThat(off.exit()).as(off.err()).isZero();
    assertThat(rows(db, SAME_STORY)).isEmpty();
    assertThat(rows(db, "SELECT ?s WHERE { ?s a news:Similarity }")).isEmpty();
    assertThat(rows(db, "SELECT ?s WHERE { ?s a news:Story }")).isEmpty();
    try (var left = Files.list(db.resolve("inference"))) {
      assertThat(left).as("text profiles go with the links").isEmpty();
    }
    Path clean = dir.resolve("clean");
    assertThat(
            IngestFixtures.cli(
                    "ingest", "--no-infer-links", "--db", clean.toString(), site.toString())
                .exit())
        .isZero();
    assertThat(IngestFixtures.comparableState(db)).isEqualTo(IngestFixtures.comparableState(clean));
  }

  @Test
  void settingsAreRecordedAndAChangeRecomputesEveryLink() throws IOException {
    Path site = site();
    Path db = dir.resolve("db");
    assertThat(IngestFixtures.cli("ingest", "--db", db.toString(), site.toString()).exit())
        .isZero();
    assertThat(
            rows(
                db,
                "SELECT ?d WHERE { ?i a news:LinkInference ; <http://purl.org/dc/terms/description> ?d }"))
        .singleElement()
        .asString()
        .contains("window 7 days", "threshold 0.325");
    Cli.Result strict =
        IngestFixtures.cli(
            "ingest", "--infer-threshold", "0.99", "--db", db.toString(), site.toString());
    assertThat(strict.exit()).as(strict.err()).isZero();
    // Only the copy stays: copies are linked whatever their score.
    assertThat(rows(db, SAME_STORY))
        .containsExactly("https://acme.example/widget,https://wire.example/widget-copy");
    Cli.Result bad =
        IngestFixtures.cli(
            "ingest", "--infer-threshold", "2", "--db", db.toString(), site.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--infer-threshold");
  }
}
