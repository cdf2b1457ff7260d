package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.query.QueryRunner;
import org.newsgraph.query.StatsQuery;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * One contract, two stores: the same ingests through the CLI into TDB2 ({@code --db}) and into a
 * real Fuseki ({@code --endpoint}) give the same graphs and the same query answers, incrementally
 * too.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreContractTest {

  private Path tmp;
  private Path src;
  private FusekiFixture fuseki;
  private Set<Quad> reference;

  @BeforeAll
  void corpusAndReference(@TempDir Path dir) throws IOException {
    tmp = dir;
    src = IngestFixtures.corpus(tmp.resolve("src"), 0, 40);
    Path ref = tmp.resolve("reference");
    assertThat(IngestFixtures.cli("ingest", "--db", ref.toString(), src.toString()).exit())
        .isZero();
    reference = IngestFixtures.dataQuads(ref);
    fuseki = new FusekiFixture(tmp.resolve("fuseki-db"));
  }

  @AfterAll
  void stopServer() {
    fuseki.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tdb2", "remote"})
  void sameGraphsSameAnswersAndIncrementalRuns(String kind) throws IOException {
    String[] where =
        kind.equals("tdb2")
            ? new String[] {"--db", tmp.resolve("db").toString()}
            : new String[] {"--endpoint", fuseki.url()};
    Cli.Result first =
        IngestFixtures.cli(concat(List.of("ingest", "--no-bulk"), where, src.toString()));
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).contains("40 files read, 40 added");

    try (GraphStore store = open(where)) {
      assertThat(IngestFixtures.dataQuads(store)).isEqualTo(reference);
      assertThat(answers(store)).isEqualTo(answers(tmp.resolve("reference")));
    }

    Cli.Result again = IngestFixtures.cli(concat(List.of("ingest"), where, src.toString()));
    assertThat(again.err()).contains("40 files read, 0 added, 0 replaced, 40 unchanged");
    Cli.Result stats = IngestFixtures.cli(concat(List.of("stats", "--format", "csv"), where));
    assertThat(stats.exit()).as(stats.err()).isZero();
    assertThat(stats.out()).contains(",40,0,0,40,0,0").contains(",40,40,0,0,0,0");
    try (GraphStore store = open(where)) {
      assertThat(stats.out().lines().skip(1).findFirst().orElseThrow())
          .as("articles, providers, topics, links, inferred, copies, graphs, quads, each once")
          .isEqualTo(countedInJava(store));
    }
  }

  /**
   * The stats row computed from every quad of the store: what occurs in several graphs (an outside
   * article cited by several records, a provider) counts once.
   */
  private static String countedInJava(GraphStore store) {
    Node type = org.apache.jena.vocabulary.RDF.type.asNode();
    Node related = NodeFactory.createURI(NewsVocab.NS + "related");
    Map<Node, Set<Node>> typed = new HashMap<>();
    Set<List<Node>> links = new HashSet<>();
    Set<List<Node>> inferred = new HashSet<>();
    Set<List<Node>> copies = new HashSet<>();
    Set<Node> graphs = new HashSet<>();
    long[] quads = {0};
    long[] typeTriples = {0};
    store.exportQuads(
        null,
        new StreamRDFBase() {
          @Override
          public void quad(Quad q) {
            quads[0]++;
            graphs.add(q.getGraph());
            if (q.getPredicate().equals(type)) {
              typed.computeIfAbsent(q.getObject(), k -> new HashSet<>()).add(q.getSubject());
              typeTriples[0]++;
            } else if (q.getPredicate().equals(related)) {
              links.add(List.of(q.getSubject(), q.getObject()));
            } else if (q.getPredicate().equals(NewsVocab.SAME_STORY)
                && q.getSubject().getURI().compareTo(q.getObject().getURI()) < 0) {
              inferred.add(List.of(q.getSubject(), q.getObject()));
            } else if (q.getPredicate().equals(NewsVocab.COPY_OF)) {
              copies.add(List.of(q.getSubject(), q.getObject()));
            }
          }
        });
    Set<Node> articles =
        typed.getOrDefault(NodeFactory.createURI(NewsVocab.NS + "Article"), Set.of());
    assertThat(typeTriples[0])
        .as("some things are typed in several graphs, so counting once matters")
        .isGreaterThan(typed.values().stream().mapToLong(Set::size).sum());
    return articles.size()
        + ","
        + typed.getOrDefault(NodeFactory.createURI(NewsVocab.NS + "Provider"), Set.of()).size()
        + ","
        + typed.getOrDefault(NodeFactory.createURI(NewsVocab.NS + "Topic"), Set.of()).size()
        + ","
        + links.size()
        + ","
        + inferred.size()
        + ","
        + copies.size()
        + ","
        + graphs.size()
        + ","
        + quads[0];
  }

  private GraphStore open(String[] where) {
    return where[0].equals("--db")
        ? Tdb2Store.open(Path.of(where[1]))
        : new RemoteStore(RemoteEndpoint.of(where[1]));
  }

  /** The stats row and the coverage of one article of a story, as CSV. */
  private String answers(Path db) {
    try (Tdb2Store store = Tdb2Store.open(db)) {
      return answers(store);
    }
  }

  private String answers(GraphStore store) {
    QueryRunner runner =
        new QueryRunner(store, QueryCatalog.load(), IriFactory.of(IriFactory.DEFAULT_BASE));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    runner.run(
        StatsQuery.QUERY,
        org.apache.jena.sparql.engine.binding.BindingFactory.empty(),
        OutputFormat.forQuery("csv"),
        out);
    String article = firstWebUrl();
    runner.runNamed("coverage", Map.of("article", article), OutputFormat.forQuery("csv"), out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().count()).as("coverage of %s", article).isGreaterThan(3);
    return text.lines().sorted().toList().toString();
  }

  private String firstWebUrl() {
    try (var files = Files.walk(src)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (text.contains("\nrelated:")) {
          return text.replaceAll("(?s).*\nwebUrl: \"([^\"]+)\".*", "$1");
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no record with related links in the corpus");
  }

  private static String[] concat(List<String> head, String[] where, String... tail) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(where));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }
}
