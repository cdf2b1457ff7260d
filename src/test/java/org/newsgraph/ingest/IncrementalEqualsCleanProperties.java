package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.newsgraph.cli.Cli;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * Incremental equals clean: after any sequence of adds, edits, deletes (with {@code --prune}),
 * renames and moves, API pages whose items shift, files that change which article they describe and
 * files that describe an article another file already describes, and feed snapshots that repeat
 * items (merged by a later run with the stored graph and its merge state, or by reading every
 * description again), the store holds exactly what a clean ingest of the final folder gives (every
 * graph, and the run-independent provenance).
 */
class IncrementalEqualsCleanProperties {

  /** Few articles and few file names, so that histories are rich in duplicates and collisions. */
  private static final int ARTICLES = 4;

  private static final String[] FILES = {
    "_news/a.md", "_news/b.md", "_news/b-2.md", "_archive/_news/a.md", "other/c.yaml"
  };

  /**
   * One step of a history.
   *
   * @param kind 0-3 write a record file, 4 delete, 5 rename, 6 rewrite the API pages, 7-8 write a
   *     feed snapshot (named by {@code file}) of two articles
   * @param file index into {@link #FILES}
   * @param other another file index, or an article index, or a shift
   * @param variant which version of the content
   */
  record Op(int kind, int file, int other, int variant) {}

  @Provide
  Arbitrary<List<Op>> histories() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, FILES.length - 1),
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 5))
            .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(7);
  }

  @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
  void anyHistoryEndsWhereACleanIngestOfTheFinalFolderDoes(@ForAll("histories") List<Op> history)
      throws IOException {
    Path dir = Files.createTempDirectory("newsgraph-history");
    try {
      Path src = Files.createDirectories(dir.resolve("site"));
      Path db = dir.resolve("db");
      for (Op op : history) {
        apply(op, src);
        Cli.Result run =
            IngestFixtures.cli("ingest", "--prune", "--db", db.toString(), src.toString());
        assertThat(run.exit()).as(run.err()).isZero();
      }
      Path clean = dir.resolve("clean");
      Cli.Result run = IngestFixtures.cli("ingest", "--db", clean.toString(), src.toString());
      assertThat(run.exit()).as(run.err()).isZero();
      var incremental = IngestFixtures.comparableState(db);
      var expected = IngestFixtures.comparableState(clean);
      var extra = new java.util.HashSet<>(incremental);
      extra.removeAll(expected);
      var missing = new java.util.HashSet<>(expected);
      missing.removeAll(incremental);
      assertThat(extra).as(history + ": quads only the incremental store holds").isEmpty();
      assertThat(missing).as(history + ": quads only the clean store holds").isEmpty();
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * A remote store answers a run's lookups from the snapshot the run takes at its start (every
   * source's hash, which sources and graphs have derivations): along any history, a run through it
   * counts, reports and stores exactly what a run that asks the store each time does.
   */
  @Property(tries = 6, shrinking = ShrinkingMode.BOUNDED)
  void aRunReadingTheStoreFromItsSnapshotDoesWhatARunAskingTheStoreDoes(
      @ForAll("histories") List<Op> history) throws IOException {
    Path dir = Files.createTempDirectory("newsgraph-snapshot");
    try {
      Path src = Files.createDirectories(dir.resolve("site"));
      for (Op op : history) {
        apply(op, src);
        String asking = ingest(dir.resolve("asking"), src, false);
        String snapshot = ingest(dir.resolve("snapshot"), src, true);
        assertThat(snapshot).as(history + ": the run's report").isEqualTo(asking);
      }
      var asking = IngestFixtures.comparableState(dir.resolve("asking"));
      var snapshot = IngestFixtures.comparableState(dir.resolve("snapshot"));
      assertThat(snapshot).as(history + ": the stores").isEqualTo(asking);
    } finally {
      deleteTree(dir);
    }
  }

  /** A batched run with {@code --prune}, through a store read as a remote one or as it is. */
  private static String ingest(Path db, Path src, boolean remoteLike) {
    IriFactory iris = IriFactory.of(IriFactory.DEFAULT_BASE);
    List<String> problems = new ArrayList<>();
    try (Tdb2Store tdb = Tdb2Store.open(db)) {
      GraphStore store = remoteLike ? new RemoteLikeStore(tdb) : tdb;
      IngestReport report =
          IngestFixtures.ingester(
                  store,
                  IngestOptions.defaults().withPrune(true).withBulk(false),
                  problem -> problems.add(problem.toString()))
              .run(List.of(src.toString()), new ByteArrayInputStream(new byte[0]));
      return report.summary() + "\n" + String.join("\n", problems);
    }
  }

  private static void apply(Op op, Path src) throws IOException {
    Path file = src.resolve(FILES[op.file()]);
    switch (op.kind()) {
      case 4 -> Files.deleteIfExists(file);
      case 5 -> {
        Path to = src.resolve(FILES[op.other() % FILES.length]);
        if (Files.exists(file) && !to.equals(file)) {
          Files.createDirectories(to.getParent());
          Files.move(file, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      case 6 -> pages(src, op.other());
      case 7, 8 -> write(src.resolve("feeds/snap-" + op.file() + ".xml"), feed(op));
      default -> write(file, record(op.other() % ARTICLES, op.variant()));
    }
  }

  /**
   * Two API pages holding every article once, rotated by {@code shift} so items move between pages.
   */
  private static void pages(Path src, int shift) throws IOException {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      int article = (i + shift) % ARTICLES;
      items.add(
          "{\"title\": \"Item "
              + article
              + "\", \"webUrl\": \""
              + url(article)
              + "\","
              + " \"publishedDateTime\": \"2021-03-0"
              + (1 + article)
              + "T08:00:00Z\", \"heat\": "
              + shift
              + ", \"provider\": {\"name\": \"P\", \"domain\": \"p"
              + article
              + ".example.org\"},"
              + " \"topics\": [\"Page topic "
              + shift % 3
              + "\"]}");
    }
    write(
        src.resolve("api/news/page-1.json"),
        "{\"page\": 1, \"value\": [" + String.join(", ", items.subList(0, 2)) + "]}");
    write(
        src.resolve("api/news/page-2.json"),
        "{\"page\": 2, \"value\": [" + String.join(", ", items.subList(2, 4)) + "]}");
  }

  /**
   * A snapshot of articles {@code other} and {@code other + 1}, built at an hour that the variant
   * picks (so a later file may hold an earlier snapshot), with the variant's headline and category.
   */
  private static String feed(Op op) {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 2; i++) {
      int article = (op.other() + i) % ARTICLES;
      items
          .append("<item><title>Item ")
          .append(article)
          .append(" v")
          .append(op.variant())
          .append("</title><link>")
          .append(url(article))
          .append("</link><category>Cat ")
          .append(op.variant() % 3)
          .append("</category><pubDate>Tue, 0")
          .append(2 + article)
          .append(" Mar 2021 08:00:00 GMT</pubDate></item>");
    }
    return "<rss version=\"2.0\"><channel><title>P</title><link>https://p.example.org/</link>"
        + "<lastBuildDate>Wed, 10 Mar 2021 0"
        + op.variant()
        + ":00:00 GMT</lastBuildDate>"
        + items
        + "</channel></rss>";
  }

  private static String url(int article) {
    return "https://p" + article + ".example.org/story-" + article;
  }

  private static String record(int article, int variant) {
    String updated =
        variant % 3 == 0 ? "" : "updatedDateTime: 2021-03-1" + variant + "T00:00:00Z\n";
    String link =
        variant % 2 == 0
            ? ""
            : "related:\n  - title: \"Cited\"\n    webUrl: \""
                + url((article + variant) % ARTICLES)
                + "\"\n";
    // URL forms vary with the variant; all are one article.
    String webUrl = variant == 4 ? url(article).replace("https://", "http://") + "/" : url(article);
    return "---\ntitle: \"Article "
        + article
        + " v"
        + variant
        + "\"\npublishedDateTime: 2021-03-0"
        + (1 + article)
        + "T08:00:00Z\n"
        + updated
        + "webUrl: \""
        + webUrl
        + "\"\nheat: "
        + variant
        + "\ntopics:\n  - \"Topic "
        + variant
        + "\"\nprovider:\n  name: P\n  domain: p"
        + article
        + ".example.org\n"
        + link
        + "---\n";
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
