package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.vocab.IriFactory;

/**
 * The full-text index and the {@code search} query through the command line, on real TDB2 stores:
 * built after a bulk load, kept current by batched runs (changed, replaced and pruned records leave
 * no stale hit), rebuilt on open when it may not match the store, and refused on a remote store
 * without one.
 */
class SearchIndexTest {

  static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);
  static final String LIGHTHOUSE = "https://harbour.example/lighthouse-reopens";
  static final String FERRY = "https://harbour.example/ferry-strike";
  static final String KEEPER = "https://coast.example/keeper-interview";
  static final String SOLO = "https://inland.example/bakery";

  @TempDir Path tmp;

  /**
   * Writes one record; {@code related} are the web URL and title of each article it cites, in turn.
   */
  static void record(
      Path dir,
      String name,
      String url,
      String title,
      String excerpt,
      String day,
      String... related)
      throws IOException {
    StringBuilder md = new StringBuilder("---\ncategory: news\n");
    md.append("title: \"").append(title).append("\"\n");
    if (excerpt != null) {
      md.append("excerpt: \"").append(excerpt).append("\"\n");
    }
    md.append("publishedDateTime: ").append(day).append("T09:00:00Z\n");
    md.append("webUrl: \"").append(url).append("\"\ntype: article\n");
    String domain = java.net.URI.create(url).getHost();
    md.append("provider:\n  name: ").append(domain).append("\n  domain: ").append(domain);
    md.append('\n');
    if (related.length > 0) {
      md.append("related:\n");
      for (int i = 0; i < related.length; i += 2) {
        md.append("  - title: \"").append(related[i + 1]).append("\"\n");
        md.append("    webUrl: \"").append(related[i]).append("\"\n    type: article\n");
      }
    }
    md.append("---\n");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".md"), md, StandardCharsets.UTF_8);
  }

  /** Three harbour records (a story: lighthouse cites ferry and keeper) and one alone. */
  Path corpus() throws IOException {
    Path src = tmp.resolve("src");
    record(
        src,
        "lighthouse",
        LIGHTHOUSE,
        "Old lighthouse reopens to visitors",
        "The restored lamp room welcomes its first tourists since 1978.",
        "2024-05-02",
        FERRY,
        "Ferry crews strike over night shifts",
        KEEPER,
        "The last lighthouse keeper remembers");
    record(
        src,
        "ferry",
        FERRY,
        "Ferry crews strike over night shifts",
        "Crossings to the island are cancelled until Friday.",
        "2024-05-01");
    record(src, "keeper", KEEPER, "The last lighthouse keeper remembers", null, "2024-05-09");
    record(
        src,
        "solo",
        SOLO,
        "Village bakery wins prize",
        "Sourdough judged best in county.",
        "2024-06-01");
    return src;
  }

  static Cli.Result cli(String... args) {
    Cli.Result result = Cli.run(args);
    assertThat(result.exit()).as("%s: %s", String.join(" ", args), result.err()).isZero();
    return result;
  }

  /** The article IRIs {@code search} returns for some words, in its order. */
  static List<String> search(Path db, String words, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("query", "--db", db.toString(), "search", "-f", "csv", "-p", "words=" + words));
    for (String m : more) {
      args.add("-p");
      args.add(m);
    }
    return column(cli(args.toArray(String[]::new)).out(), 0);
  }

  /** One column of CSV output (no commas inside the values these tests read). */
  static List<String> column(String csv, int index) {
    return csv.lines().skip(1).map(l -> l.split(",", -1)[index]).toList();
  }

  static String iri(String url) {
    return IRIS.article(url).getURI();
  }

  @Test
  void bulkIngestIndexesHeadlinesAndExcerpts() throws IOException {
    Path src = corpus();
    Path db = tmp.resolve("db");
    assertThat(cli("ingest", "--db", db.toString(), src.toString()).err()).contains("[bulk load]");
    assertThat(Files.exists(db.resolve(SearchIndex.FOLDER).resolve(SearchIndex.CURRENT))).isTrue();

    // From headlines (case and punctuation do not matter), best match first.
    assertThat(search(db, "LIGHTHOUSE")).containsExactlyInAnyOrder(iri(LIGHTHOUSE), iri(KEEPER));
    assertThat(search(db, "lighthouse keeper")).containsExactly(iri(KEEPER));
    // From excerpts.
    assertThat(search(db, "sourdough")).containsExactly(iri(SOLO));
    assertThat(search(db, "tourists, lamp")).containsExactly(iri(LIGHTHOUSE));
    // Every word must occur; Lucene's syntax is plain text here.
    assertThat(search(db, "ferry sourdough")).isEmpty();
    assertThat(search(db, "AND (ferry")).isEmpty();
    assertThat(search(db, "lightho*")).isEmpty();
    assertThat(search(db, "zeppelin")).isEmpty();
  }

  @Test
  void aBulkLoadIndexesTheDocumentsARebuildFromTheStoreMakes() throws IOException {
    // The bulk load indexes the quads as they were sent to the loader, on a thread of its own;
    // a rebuild indexes the quads read back from the committed store. Same documents, field for
    // field (the cited articles' headlines, in the citing records' graphs, included).
    Path src = corpus();
    Path db = tmp.resolve("db");
    assertThat(cli("ingest", "--db", db.toString(), src.toString()).err()).contains("[bulk load]");
    List<String> loaded = documents(db);
    try (Stream<Path> files = Files.list(db)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("the scratch file is gone")
          .noneMatch(name -> name.startsWith("text-index-"));
    }
    Files.delete(db.resolve(SearchIndex.FOLDER).resolve(SearchIndex.CURRENT));
    assertThat(search(db, "lighthouse")).hasSize(2); // opens the store, which rebuilds the index
    List<String> rebuilt = documents(db);
    assertThat(loaded).hasSizeGreaterThan(5).isEqualTo(rebuilt);
  }

  /** Every document of a store's index, its stored fields sorted, the documents sorted. */
  private static List<String> documents(Path db) throws IOException {
    List<String> out = new ArrayList<>();
    try (org.apache.lucene.index.DirectoryReader reader =
        org.apache.lucene.index.DirectoryReader.open(
            org.apache.lucene.store.FSDirectory.open(db.resolve(SearchIndex.FOLDER)))) {
      org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
      org.apache.lucene.index.StoredFields stored = reader.storedFields();
      for (int i = 0; i < reader.maxDoc(); i++) {
        if (live != null && !live.get(i)) {
          continue;
        }
        List<String> fields = new ArrayList<>();
        for (var field : stored.document(i).getFields()) {
          fields.add(field.name() + "=" + field.stringValue());
        }
        fields.sort(null);
        out.add(String.join(" | ", fields));
      }
    }
    out.sort(null);
    return out;
  }

  @Test
  void searchGivesHeadlineDateProviderAndStory() throws IOException {
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), corpus().toString());
    String csv =
        cli("query", "--db", db.toString(), "search", "-f", "csv", "-p", "words=lighthouse").out();
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("article,score,headline,published,provider,story");
    List<String> rows = csv.lines().skip(1).toList();
    assertThat(rows)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith(iri(KEEPER) + ",")
                    .contains(",The last lighthouse keeper remembers,2024-05-09T09:00:00Z,")
                    .contains(",coast.example,"));
    // The three harbour articles are one story; the bakery is in none.
    List<String> stories = column(csv, 5);
    assertThat(stories).hasSize(2).allMatch(s -> s.startsWith(IRIS.base() + "story/"));
    assertThat(stories.get(0)).isEqualTo(stories.get(1));
    assertThat(
            column(
                cli("query", "--db", db.toString(), "search", "-f", "csv", "-p", "words=bakery")
                    .out(),
                5))
        .containsExactly("");
    assertThat(column(csv, 1)).allMatch(score -> Float.parseFloat(score) > 0);
  }

  @Test
  void dateRangeKeepsArticlesPublishedInIt() throws IOException {
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), corpus().toString());
    assertThat(search(db, "lighthouse", "from=2024-05-03")).containsExactly(iri(KEEPER));
    assertThat(search(db, "lighthouse", "to=2024-05-08")).containsExactly(iri(LIGHTHOUSE));
    assertThat(search(db, "lighthouse", "from=2024-05-02", "to=2024-05-02"))
        .containsExactly(iri(LIGHTHOUSE));
    assertThat(search(db, "lighthouse", "from=2024-06-01")).isEmpty();
    assertThat(search(db, "lighthouse", "limit=1")).hasSize(1);
  }

  @Test
  void incrementalRunsReplaceTheTextOfChangedRecordsAndPruneRemovedOnes() throws IOException {
    Path src = corpus();
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), src.toString());
    assertThat(search(db, "bakery prize")).containsExactly(iri(SOLO));

    // Batched path: the store is not empty. The bakery record gets a new headline and excerpt.
    record(
        src,
        "solo",
        SOLO,
        "Village baker retires after forty years",
        "The shop on the square will close in June.",
        "2024-06-01");
    assertThat(cli("ingest", "--db", db.toString(), src.toString()).err())
        .contains("1 replaced")
        .doesNotContain("[bulk load]");
    assertThat(search(db, "prize")).isEmpty();
    assertThat(search(db, "sourdough")).isEmpty();
    assertThat(search(db, "village baker")).containsExactly(iri(SOLO));
    assertThat(search(db, "square shop")).containsExactly(iri(SOLO));

    // A record that now describes another article: the old article's text goes with its graph.
    record(src, "solo", SOLO + "-2", "Village bakery closes", null, "2024-06-02");
    cli("ingest", "--db", db.toString(), src.toString());
    assertThat(search(db, "retires")).isEmpty();
    assertThat(search(db, "village")).containsExactly(iri(SOLO + "-2"));

    // --prune removes the graphs of files that are gone, and their hits.
    Files.delete(src.resolve("solo.md"));
    assertThat(cli("ingest", "--db", db.toString(), "--prune", src.toString()).err())
        .contains("1 removed");
    assertThat(search(db, "village")).isEmpty();
    assertThat(search(db, "lighthouse")).hasSize(2);
  }

  @Test
  void batchedRunsIntoAnEmptyStoreIndexToo() throws IOException {
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), "--no-bulk", "--batch-size", "1", corpus().toString());
    assertThat(search(db, "island")).containsExactly(iri(FERRY));
    assertThat(search(db, "lighthouse")).hasSize(2);
  }

  @Test
  void rawTextQueryWorksFromTheQueryCommand() throws IOException {
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), corpus().toString());
    String prefixes =
        "PREFIX text: <http://jena.apache.org/text#> PREFIX schema: <http://schema.org/> ";
    // The headline field is the default; name schema:description for excerpts. Lucene syntax.
    assertThat(
            column(
                cli(
                        "query",
                        "--db",
                        db.toString(),
                        "-f",
                        "csv",
                        prefixes + "SELECT ?a ?text { (?a ?score ?text) text:query 'lightho*' }")
                    .out(),
                1))
        // One hit per graph that states a headline: the keeper's own record and the citing one.
        .containsExactlyInAnyOrder(
            "Old lighthouse reopens to visitors",
            "The last lighthouse keeper remembers",
            "The last lighthouse keeper remembers");
    assertThat(
            column(
                cli(
                        "query",
                        "--db",
                        db.toString(),
                        "-f",
                        "csv",
                        prefixes + "SELECT ?a { ?a text:query (schema:description 'island') }")
                    .out(),
                0))
        .containsExactly(iri(FERRY));
  }

  @Test
  void aStoreWithoutAnIndexOrOneBehindTheStoreGetsItRebuiltOnOpen() throws IOException {
    Path src = corpus();
    Path db = tmp.resolve("db");
    Path text = db.resolve(SearchIndex.FOLDER);
    cli("ingest", "--db", db.toString(), src.toString());

    // A store made before the index existed: no text folder at all.
    deleteTree(text);
    assertThat(search(db, "lighthouse")).hasSize(2);
    assertThat(Files.exists(text.resolve(SearchIndex.CURRENT))).isTrue();

    // A process killed between TDB2's commit and Lucene's: the index is one commit behind and the
    // marker is gone. Simulated with a copy of the index taken before a run.
    Path before = tmp.resolve("index-before");
    copyTree(text, before);
    record(src, "solo", SOLO, "Village baker retires", null, "2024-06-01");
    cli("ingest", "--db", db.toString(), src.toString());
    deleteTree(text);
    copyTree(before, text);
    Files.delete(text.resolve(SearchIndex.CURRENT));
    assertThat(search(db, "prize")).isEmpty();
    assertThat(search(db, "baker retires")).containsExactly(iri(SOLO));
  }

  @Test
  void compactionKeepsTheIndex() throws IOException {
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), corpus().toString());
    cli("compact", "--db", db.toString());
    assertThat(search(db, "lighthouse")).hasSize(2);
  }

  @Test
  void aCompactedStoreTakesNoMoreWritesUntilReopened() throws IOException {
    Path db = tmp.resolve("db");
    cli("ingest", "--db", db.toString(), corpus().toString());
    try (Tdb2Store store = Tdb2Store.open(db)) {
      store.compact();
      assertThatThrownBy(() -> store.deleteGraphs(List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("reopen");
    }
    try (Tdb2Store store = Tdb2Store.open(db)) {
      store.deleteGraphs(List.of());
    }
    assertThat(search(db, "lighthouse")).hasSize(2);
  }

  @Test
  @Tag("slow")
  void aRemoteStoreWithoutAnIndexIsRefusedInOneLine() throws IOException {
    try (FusekiFixture fuseki = new FusekiFixture(tmp.resolve("fuseki-db"))) {
      cli("ingest", "--endpoint", fuseki.url(), corpus().toString());
      Cli.Result search =
          Cli.run("query", "--endpoint", fuseki.url(), "search", "-p", "words=lighthouse");
      assertThat(search.exit()).isEqualTo(3);
      assertThat(search.out()).isEmpty();
      assertThat(search.err().lines().toList())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .startsWith("newsgraph: query 'search' needs a full-text index, and remote")
                      .contains("text:query over schema:headline and schema:description"));
      // Other queries are not affected.
      assertThat(Cli.run("query", "--endpoint", fuseki.url(), "stories").exit()).isZero();
    }
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      files.forEach(
          p -> {
            try {
              Files.copy(p, to.resolve(from.relativize(p).toString()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
