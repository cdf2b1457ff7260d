package org.newsgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsgraph.ingest.IngestFixtures.cli;
import static org.newsgraph.ingest.IngestFixtures.comparableState;
import static org.newsgraph.ingest.IngestFixtures.dataQuads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.generate.CorpusGenerator;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * One article described by several files: the store holds the merge of every current description
 * (union of multi-valued facts, single-valued facts from the description that ranks first),
 * whatever the file names, the read order and the history of runs.
 */
class ManyDescriptionsTest {

  private static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);
  private static final String URL = "https://news.example.org/2021/03/story";
  private static final Node ARTICLE = IRIS.article(URL);

  @TempDir Path tmp;

  @Test
  void theOrderOfTheFoldersAndTheThreadCountDoNotChangeTheStore() throws IOException {
    Path x = Files.createDirectories(tmp.resolve("x"));
    Path y = Files.createDirectories(tmp.resolve("y"));
    write(x.resolve("a.md"), record(URL, "heat: 10\n", related("https://other.example.org/x")));
    write(y.resolve("a.md"), record(URL, "heat: 99\n", related("https://third.example.org/y")));
    Cli.Result xy =
        cli(
            "ingest",
            "--threads",
            "1",
            "--db",
            tmp.resolve("xy").toString(),
            x.toString(),
            y.toString());
    Cli.Result yx =
        cli(
            "ingest",
            "--threads",
            "4",
            "--db",
            tmp.resolve("yx").toString(),
            y.toString(),
            x.toString());
    Cli.Result txn =
        cli(
            "ingest",
            "--no-bulk",
            "--db",
            tmp.resolve("txn").toString(),
            y.toString(),
            x.toString());
    assertThat(xy.exit() + yx.exit() + txn.exit()).as(xy.err() + yx.err() + txn.err()).isZero();
    assertThat(comparableState(tmp.resolve("yx"))).isEqualTo(comparableState(tmp.resolve("xy")));
    assertThat(comparableState(tmp.resolve("txn"))).isEqualTo(comparableState(tmp.resolve("xy")));
    assertThat(values(tmp.resolve("xy"), NewsVocab.HEAT)).containsExactly("10");
  }

  @Test
  void whenTheDatesTieTheSmallerPathWins() throws IOException {
    Path one = Files.createDirectories(tmp.resolve("one"));
    write(one.resolve("a.md"), record(URL, "heat: 10\n", ""));
    write(one.resolve("b.md"), record(URL, "heat: 99\n", ""));
    Path two = Files.createDirectories(tmp.resolve("two"));
    write(two.resolve("b.md"), record(URL, "heat: 10\n", ""));
    write(two.resolve("a.md"), record(URL, "heat: 99\n", ""));
    Path first = run("db1", one);
    Files.move(one, tmp.resolve("moved"));
    Files.move(two, one);
    Path second = run("db2", one);
    // Both runs read a.md and b.md of the same folder, their contents swapped: a.md wins both
    // times.
    assertThat(values(first, NewsVocab.HEAT)).containsExactly("10");
    assertThat(values(second, NewsVocab.HEAT)).containsExactly("99");
  }

  @Test
  void theLatestUpdateWinsWhateverTheFileNames() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    write(
        src.resolve("a.md"), record(URL, "heat: 10\nupdatedDateTime: 2021-03-02T00:00:00Z\n", ""));
    write(
        src.resolve("z.md"), record(URL, "heat: 77\nupdatedDateTime: 2021-03-05T00:00:00Z\n", ""));
    Path db = run("db", src);
    assertThat(values(db, NewsVocab.HEAT)).containsExactly("77");
    assertThat(values(db, NewsVocab.SCHEMA_DATE_MODIFIED)).containsExactly("2021-03-05T00:00:00Z");
  }

  @Test
  void relatedLinksTopicsAndUrlFormsOfEveryDescriptionAreKept() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    write(
        src.resolve("a.md"),
        record(URL, "topics:\n  - Robots\n", related("https://other.example.org/x")));
    write(
        src.resolve("b.md"),
        record(
            "http://news.example.org/2021/03/story/",
            "topics:\n  - Chips\n",
            related("https://third.example.org/y")));
    Path db = run("db", src);
    Set<Quad> quads = dataQuads(db);
    assertThat(quads)
        .anyMatch(
            q ->
                q.getSubject().equals(ARTICLE)
                    && q.getPredicate().equals(NewsVocab.RELATED)
                    && q.getObject().equals(IRIS.article("https://other.example.org/x")));
    assertThat(quads)
        .anyMatch(
            q ->
                q.getSubject().equals(ARTICLE)
                    && q.getPredicate().equals(NewsVocab.RELATED)
                    && q.getObject().equals(IRIS.article("https://third.example.org/y")));
    assertThat(values(db, NewsVocab.SCHEMA_URL))
        .containsExactlyInAnyOrder(URL, "http://news.example.org/2021/03/story/");
    assertThat(
            quads.stream()
                .filter(
                    q ->
                        q.getSubject().equals(ARTICLE)
                            && q.getPredicate().equals(NewsVocab.SCHEMA_ABOUT))
                .count())
        .isEqualTo(2);
    assertThat(values(db, NewsVocab.SCHEMA_HEADLINE)).hasSize(1);
  }

  @Test
  void deletingOneDescriptionKeepsTheArticleFromTheOther() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    write(src.resolve("a.md"), record(URL, "heat: 10\n", related("https://other.example.org/x")));
    write(src.resolve("b.md"), record(URL, "heat: 20\n", ""));
    Path db = run("db", src);
    assertThat(values(db, NewsVocab.HEAT)).containsExactly("10");
    Files.delete(src.resolve("a.md"));
    Cli.Result pruned = cli("ingest", "--prune", "--db", db.toString(), src.toString());
    assertThat(pruned.exit()).as(pruned.err()).isZero();
    assertThat(values(db, NewsVocab.HEAT)).containsExactly("20");
    assertThat(dataQuads(db)).noneMatch(q -> q.getPredicate().equals(NewsVocab.RELATED));
    Cli.Result again = cli("ingest", "--prune", "--db", db.toString(), src.toString());
    assertThat(again.err()).contains("1 unchanged");
    assertThat(values(db, NewsVocab.HEAT)).containsExactly("20");
    assertThat(comparableState(db)).isEqualTo(comparableState(run("clean", src)));
  }

  @Test
  void anApiPageRepeatingARecordIsMergedQuietlyAndTheRecordFileWins() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    write(src.resolve("_news/a.md"), record(URL, "heat: 10\n", ""));
    write(
        src.resolve("api/news/page-1.json"),
        "{\"page\": 1, \"value\": [{\"title\": \"The same, shorter\","
            + " \"webUrl\": \""
            + URL
            + "\", \"publishedDateTime\": \"2021-03-01T08:00:00Z\", \"heat\": 55,"
            + " \"provider\": {\"name\": \"News\", \"domain\": \"news.example.org\"}, \"topics\": [\"Extra\"]}]}\n");
    Cli.Result run = cli("ingest", "--db", tmp.resolve("db").toString(), src.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain(": warning:").contains("1 merged from 2 descriptions");
    Path db = tmp.resolve("db");
    assertThat(values(db, NewsVocab.HEAT)).containsExactly("10");
    assertThat(values(db, NewsVocab.SCHEMA_HEADLINE)).containsExactly("An article");
    assertThat(dataQuads(db))
        .anyMatch(
            q ->
                q.getSubject().equals(ARTICLE)
                    && q.getPredicate().equals(NewsVocab.SCHEMA_ABOUT)
                    && q.getObject().equals(IRIS.topic("Extra")));
    Cli.Result verbose =
        cli("ingest", "--verbose", "--db", tmp.resolve("db2").toString(), src.toString());
    assertThat(verbose.err())
        .contains(
            "note: 2 descriptions of "
                + ARTICLE.getURI().replace("/article/", "/graph/article/")
                + " merged, from ");
  }

  @Test
  void descriptionsThatDisagreeOnThePublicationTimeOrProviderAreOneWarningNamingBoth()
      throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    write(src.resolve("a.md"), record(URL, "", ""));
    write(
        src.resolve("b.md"),
        record(URL, "", "")
            .replace("2021-03-01T08:00:00Z", "2021-03-04T08:00:00Z")
            .replace("domain: news.example.org", "domain: elsewhere.example.com"));
    for (String bulk : new String[] {"--bulk", "--no-bulk"}) {
      Cli.Result run =
          cli(
              "ingest",
              bulk.equals("--bulk") ? "--threads=1" : "--no-bulk",
              "--db",
              tmp.resolve("db" + bulk).toString(),
              src.toString());
      assertThat(
              run.err()
                  .lines()
                  .filter(l -> l.contains("warning: descriptions of one article disagree")))
          .as(run.err())
          .singleElement()
          .satisfies(
              line ->
                  assertThat(line)
                      .contains(
                          "publication time ",
                          "2021-03-01T08:00:00Z in " + src.resolve("a.md"),
                          "2021-03-04T08:00:00Z in " + src.resolve("b.md"),
                          "provider ",
                          "news.example.org in " + src.resolve("a.md"),
                          "elsewhere.example.com in " + src.resolve("b.md")));
    }
  }

  @Test
  void provenanceNamesEverySourceOfAnArticle() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    write(src.resolve("a.md"), record(URL, "", ""));
    write(src.resolve("b.md"), record(URL, "heat: 3\n", ""));
    Path db = run("db", src);
    Node graph = IRIS.articleGraph(URL);
    Set<Quad> state = comparableState(db);
    Set<Node> sources =
        state.stream()
            .filter(
                q ->
                    q.getSubject().equals(graph)
                        && q.getPredicate().getURI().endsWith("wasDerivedFrom"))
            .map(Quad::getObject)
            .collect(Collectors.toSet());
    assertThat(sources).hasSize(2);
    Set<String> paths =
        state.stream()
            .filter(
                q ->
                    sources.contains(q.getSubject())
                        && q.getPredicate().equals(Provenance.SOURCE_PATH))
            .map(q -> q.getObject().getLiteralLexicalForm())
            .collect(Collectors.toSet());
    assertThat(paths)
        .containsExactlyInAnyOrder(
            src.resolve("a.md").toAbsolutePath().normalize().toString(),
            src.resolve("b.md").toAbsolutePath().normalize().toString());
    assertThat(state)
        .filteredOn(
            q -> sources.contains(q.getSubject()) && q.getPredicate().equals(Provenance.SHA256))
        .hasSize(2);
  }

  @Test
  void bulkAndBatchedRunsAndAnyHistoryEndAtTheSameStore() throws IOException {
    Path src = IngestFixtures.corpus(tmp.resolve("src"), 0, 40);
    new CorpusGenerator(7, 0.3, true).generate(src, 0, 40);
    backdate(src);
    Path bulk = run("bulk", src);
    Cli.Result txn =
        cli(
            "ingest",
            "--no-bulk",
            "--batch-size",
            "7",
            "--db",
            tmp.resolve("txn").toString(),
            src.toString());
    assertThat(txn.exit()).as(txn.err()).isZero();
    assertThat(comparableState(tmp.resolve("txn"))).isEqualTo(comparableState(bulk));
    // A history: half the corpus first, then the rest; then one re-saved copy deleted with --prune.
    Path grown = tmp.resolve("grown");
    IngestFixtures.corpus(grown, 0, 20);
    new CorpusGenerator(7, 0.3, true).generate(grown, 0, 20);
    backdate(grown);
    Path db = run("history", grown);
    new CorpusGenerator(7, 0.3, true).generate(grown, 0, 40);
    IngestFixtures.corpus(grown, 20, 20);
    backdate(grown);
    cli("ingest", "--db", db.toString(), grown.toString());
    assertThat(comparableState(db)).isEqualTo(comparableState(run("grownClean", grown)));
  }

  private Path run(String name, Path src) {
    Path db = tmp.resolve(name);
    Cli.Result run = cli("ingest", "--db", db.toString(), src.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    return db;
  }

  private static Set<String> values(Path db, Node property) {
    return dataQuads(db).stream()
        .filter(q -> q.getSubject().equals(ARTICLE) && q.getPredicate().equals(property))
        .map(
            q ->
                q.getObject().isLiteral()
                    ? q.getObject().getLiteralLexicalForm()
                    : q.getObject().getURI())
        .collect(Collectors.toSet());
  }

  static String record(String url, String extra, String related) {
    return "---\ntitle: \"An article\"\npublishedDateTime: 2021-03-01T08:00:00Z\nwebUrl: \""
        + url
        + "\"\n"
        + extra
        + "provider:\n  name: News\n  domain: news.example.org\n"
        + related
        + "---\n";
  }

  static String related(String url) {
    return "related:\n  - title: \"Cited\"\n    webUrl: \"" + url + "\"\n";
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));
  }

  private static void backdate(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(3600)));
      }
    }
  }
}
