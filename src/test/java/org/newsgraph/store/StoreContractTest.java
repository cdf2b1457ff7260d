package org.newsgraph.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.ingest.IngestFixtures;
import org.newsgraph.query.NamedQuery;
import org.newsgraph.query.QueryCatalog;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * One contract, several stores: the same ingests through the CLI (first, unchanged, changed and
 * added records, {@code --prune}) into TDB2 ({@code --db}) and into real Fuseki servers ({@code
 * --endpoint}) give the same graphs and the same answers to every named query and {@code stats},
 * after every step. The Fuseki servers run over TDB2 with the union default graph on, over TDB2 as
 * it comes, and in memory as {@code fuseki-server --mem} serves it: the last two keep their default
 * graph apart from the named graphs, which the remote store must find out and work around.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreContractTest {

  private Path tmp;
  private final List<FusekiFixture> servers = new ArrayList<>();

  @BeforeAll
  void startServers(@TempDir Path dir) {
    tmp = dir;
    for (FusekiFixture.Setup setup : FusekiFixture.Setup.values()) {
      servers.add(new FusekiFixture(tmp.resolve("fuseki-" + setup), setup));
    }
  }

  @AfterAll
  void stopServers() {
    servers.forEach(FusekiFixture::close);
  }

  @Test
  void everyFusekiSetupGivesTheGraphsAndAnswersOfTheEmbeddedStore() throws IOException {
    Map<String, String[]> remotes = new LinkedHashMap<>();
    for (int i = 0; i < servers.size(); i++) {
      remotes.put(
          "fuseki " + FusekiFixture.Setup.values()[i],
          new String[] {"--endpoint", servers.get(i).url()});
    }
    check(tmp.resolve("contract"), remotes, Set.of(), true);
  }

  /**
   * Runs the contract: the same CLI ingests into a fresh TDB2 store and into each remote, and after
   * each the same graphs (those under the data's base IRI, outside the metadata graph) and the same
   * answers. Shared with the tests of other engines.
   *
   * @param dir an empty scratch folder
   * @param remotes each remote store's name and its store options ({@code --endpoint URL ...})
   * @param refused named queries the remotes cannot answer: each must fail with exit 3 (never
   *     answer wrongly or emptily); the others must answer (exit 0)
   * @param sameAnswers whether the answers must also equal the embedded store's
   */
  static void check(
      Path dir, Map<String, String[]> remotes, Set<String> refused, boolean sameAnswers)
      throws IOException {
    Path src = IngestFixtures.corpus(dir.resolve("src"), 0, 40);
    Map<String, String[]> stores = new LinkedHashMap<>();
    stores.put("tdb2", new String[] {"--db", dir.resolve("db").toString()});
    stores.putAll(remotes);

    ingestEverywhere(stores, "40 files read, 40 added", "ingest", "--no-bulk", src.toString());
    compare(stores, src, "first ingest", refused, sameAnswers);

    ingestEverywhere(
        stores, "40 files read, 0 added, 0 replaced, 40 unchanged", "ingest", src.toString());
    compare(stores, src, "unchanged run", refused, sameAnswers);

    List<Path> files = files(src);
    Path changed = files.get(files.size() - 1);
    Files.writeString(
        changed,
        Files.readString(changed, StandardCharsets.UTF_8)
            .replaceFirst("\ntitle: \"", "\ntitle: \"Changed headline, "),
        StandardCharsets.UTF_8);
    IngestFixtures.corpus(src, 40, 5);
    ingestEverywhere(
        stores, "45 files read, 5 added, 1 replaced, 39 unchanged", "ingest", src.toString());
    compare(stores, src, "changed and added records", refused, sameAnswers);

    Files.delete(files.get(files.size() - 2));
    ingestEverywhere(stores, "1 removed", "ingest", "--prune", src.toString());
    compare(stores, src, "--prune", refused, sameAnswers);
  }

  private static void ingestEverywhere(
      Map<String, String[]> stores, String expected, String... command) {
    for (Map.Entry<String, String[]> store : stores.entrySet()) {
      List<String> args = new ArrayList<>(List.of(command));
      args.addAll(args.size() - 1, List.of(store.getValue()));
      Cli.Result run = IngestFixtures.cli(args.toArray(String[]::new));
      assertThat(run.exit()).as("%s: %s", store.getKey(), run.err()).isZero();
      assertThat(run.err()).as(store.getKey()).contains(expected);
    }
  }

  /** The same graphs and answers in every store as in the first (TDB2). */
  private static void compare(
      Map<String, String[]> stores,
      Path src,
      String step,
      Set<String> refused,
      boolean sameAnswers) {
    Set<Quad> reference = null;
    Map<String, String> referenceAnswers = null;
    for (Map.Entry<String, String[]> store : stores.entrySet()) {
      Set<Quad> quads;
      try (GraphStore opened = open(store.getValue())) {
        quads = IngestFixtures.dataQuads(opened);
        if (reference == null) {
          assertThat(
                  answer(store.getValue(), "stats")
                      .lines()
                      .filter(line -> line.matches("\\d+(,\\d+){7}"))
                      .findFirst()
                      .orElseThrow())
              .as("articles, providers, topics, links, inferred, copies, graphs, quads, each once")
              .isEqualTo(countedInJava(opened));
        }
      }
      quads.removeIf(q -> !q.getGraph().getURI().startsWith(IriFactory.DEFAULT_BASE));
      quads = canonicalBooleans(quads);
      Map<String, String> answers =
          answers(store.getValue(), src, reference == null ? Set.of() : refused);
      if (reference == null) {
        reference = quads;
        referenceAnswers = answers;
        assertThat(answers.get("coverage").lines().count())
            .as("coverage has a header and rows after the %s", step)
            .isGreaterThan(2);
        assertThat(answers.values().stream().filter(a -> a.lines().count() > 1).count())
            .as("named queries with an answer after the %s: %s", step, answers)
            .isGreaterThanOrEqualTo(answers.size() - 3);
        continue;
      }
      Set<Quad> missing = new HashSet<>(reference);
      missing.removeAll(quads);
      Set<Quad> extra = new HashSet<>(quads);
      extra.removeAll(reference);
      assertThat(missing.stream().limit(5).toList() + " " + extra.stream().limit(5).toList())
          .as(
              "%s after the %s: quads missing (%s), extra (%s)",
              store.getKey(), step, missing.size(), extra.size())
          .isEqualTo("[] []");
      for (Map.Entry<String, String> expected : referenceAnswers.entrySet()) {
        if (!sameAnswers || refused.contains(expected.getKey())) {
          continue;
        }
        assertThat(answers.get(expected.getKey()))
            .as("%s after the %s: %s", store.getKey(), step, expected.getKey())
            .isEqualTo(expected.getValue());
      }
    }
  }

  /**
   * The quads with every xsd:boolean in its canonical form: Virtuoso gives back {@code true} as
   * {@code "1"^^xsd:boolean}, another lexical form of the same value.
   */
  private static Set<Quad> canonicalBooleans(Set<Quad> quads) {
    Set<Quad> out = new HashSet<>();
    for (Quad q : quads) {
      Node o = q.getObject();
      if (o.isLiteral() && XSDDatatype.XSDboolean.equals(o.getLiteralDatatype())) {
        String lexical = o.getLiteralLexicalForm().trim();
        o =
            NodeFactory.createLiteralDT(
                lexical.equals("1") || lexical.equals("true") ? "true" : "false",
                XSDDatatype.XSDboolean);
      }
      out.add(Quad.create(q.getGraph(), q.getSubject(), q.getPredicate(), o));
    }
    return out;
  }

  /** {@code stats} and every named query but {@code search} (remote stores have no text index). */
  private static Map<String, String> answers(String[] where, Path src, Set<String> refused) {
    Map<String, String> params = params(src);
    Map<String, String> answers = new TreeMap<>();
    if (refused.contains("stats")) {
      refusedAsItShould(where, "stats");
    } else {
      // The last run's start and end differ from store to store.
      answers.put(
          "stats", answer(where, "stats").replaceAll("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z", "TIME"));
    }
    for (NamedQuery query : QueryCatalog.load().all()) {
      if (query.name().equals("search")) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of("query", query.name()));
      for (var param : query.params()) {
        if (params.containsKey(param.name())) {
          args.add("--param");
          args.add(param.name() + "=" + params.get(param.name()));
        }
      }
      if (!query.query().isSelectType()) {
        args.addAll(List.of("--format", "nt"));
      }
      if (refused.contains(query.name())) {
        refusedAsItShould(where, args.toArray(String[]::new));
        continue;
      }
      answers.put(query.name(), answer(where, args.toArray(String[]::new)));
    }
    return answers;
  }

  /** A command the store must refuse: exit 3, nothing written to standard output. */
  private static void refusedAsItShould(String[] where, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(where));
    Cli.Result run = IngestFixtures.cli(args.toArray(String[]::new));
    assertThat(run.exit()).as("%s: %s", args, run.err()).isEqualTo(3);
    assertThat(run.out()).as("%s", args).isEmpty();
  }

  /**
   * The CSV (or N-Triples) a command writes, its lines sorted (engines may order ties differently).
   */
  static String answer(String[] where, String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    if (!args.contains("--format")) {
      args.addAll(List.of("--format", "csv"));
    }
    args.addAll(List.of(where));
    Cli.Result run = IngestFixtures.cli(args.toArray(String[]::new));
    assertThat(run.exit()).as("%s: %s", args, run.err()).isZero();
    return String.join(
        "\n", run.out().lines().map(StoreContractTest::urlsSorted).sorted().toList());
  }

  private static final Pattern URL_LIST =
      Pattern.compile("https?://[^\\s,\"]+( https?://[^\\s,\"]+)+");

  /** A line with its lists of URLs (a GROUP_CONCAT, in no given order) sorted. */
  private static String urlsSorted(String line) {
    return URL_LIST
        .matcher(line)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    String.join(" ", new TreeSet<>(List.of(m.group().split(" "))))));
  }

  /**
   * Values for the named queries' required parameters, from the first record that cites others: its
   * URL, its provider's domain, its first topic.
   */
  private static Map<String, String> params(Path src) {
    for (Path f : files(src)) {
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (text.contains("\nrelated:") && text.contains("\ntopics:")) {
        return Map.of(
            "article", text.replaceAll("(?s).*?\nwebUrl: \"([^\"]+)\".*", "$1"),
            "provider", text.replaceAll("(?s).*?\nprovider:\n[^\n]*\n  domain: (\\S+).*", "$1"),
            "topic", text.replaceAll("(?s).*?\ntopics:\n  - \"([^\"]+)\".*", "$1"));
      }
    }
    throw new AssertionError("no record with related links and topics in the corpus");
  }

  private static List<Path> files(Path src) {
    try (var walk = Files.walk(src)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The stats row computed from every quad of the store: what occurs in several graphs (an outside
   * article cited by several records, a provider) counts once.
   */
  static String countedInJava(GraphStore store) {
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

  /** Opens the store that a command line's store options name. */
  static GraphStore open(String[] where) {
    if (where[0].equals("--db")) {
      return Tdb2Store.open(Path.of(where[1]));
    }
    RemoteEndpoint endpoint = RemoteEndpoint.of(where[1]);
    for (int i = 2; i + 1 < where.length; i += 2) {
      switch (where[i]) {
        case "--endpoint-query" -> endpoint = endpoint.withUrls(where[i + 1], null, null);
        case "--endpoint-update" -> endpoint = endpoint.withUrls(null, where[i + 1], null);
        case "--endpoint-gsp" -> endpoint = endpoint.withUrls(null, null, where[i + 1]);
        default -> throw new IllegalArgumentException(where[i]);
      }
    }
    return new RemoteStore(endpoint);
  }
}
