package org.newsgraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsgraph.cli.Cli;
import org.newsgraph.vocab.IriFactory;

/**
 * {@code export --profile schema.org --format jsonld} of the seed: Jena's JSON-LD 1.1 reader turns
 * it into the expected triples. The context https://schema.org is served from a local copy of the
 * needed term definitions, so nothing is fetched.
 */
class SchemaOrgExportTest {

  private static final String S = "http://schema.org/";
  private static final String BASE = IriFactory.DEFAULT_BASE;

  @TempDir Path dir;

  /** Exports the seed store with the schema.org profile. */
  static String exportSeed(Path dir) {
    Path db = dir.resolve("db");
    assertThat(Cli.run("ingest", "--db", db.toString(), "seeds/000_1ca178d75c94ebc8.md").exit())
        .isZero();
    Cli.Result export =
        Cli.run("export", "--db", db.toString(), "--profile", "schema.org", "--format", "jsonld");
    assertThat(export.exit()).as(export.err()).isZero();
    return export.out();
  }

  /**
   * Reads JSON-LD with https://schema.org resolved to the local context copy; nothing else loads.
   */
  static Graph parseOffline(String json) {
    DocumentLoader loader =
        (url, options) -> {
          if (!url.toString().startsWith("https://schema.org")) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "offline test: " + url);
          }
          InputStream in =
              SchemaOrgExportTest.class.getResourceAsStream(
                  "/schemaorg/context-29.0-subset.jsonld");
          return JsonDocument.of(in);
        };
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(loader);
    Context context = new Context();
    context.set(LangJSONLD11.JSONLD_OPTIONS, options);
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(json, Lang.JSONLD11).context(context).parse(g);
    return g;
  }

  @Test
  void theSeedArticleParsesIntoTheExpectedTriples() {
    String json = exportSeed(dir);
    JsonArray objects = JSON.parseAny(json).getAsArray();
    assertThat(objects).hasSize(7);
    assertThat(objects.get(0).getAsObject().get("@context").getAsString().value())
        .isEqualTo("https://schema.org");

    Graph g = parseOffline(json);
    Node article =
        NodeFactory.createURI(
            BASE
                + "article/"
                + IriFactory.articleKey("https://www.globaltimes.cn/page/202103/1217051.shtml"));
    Node provider = NodeFactory.createURI(BASE + "provider/globaltimes.cn");
    Node ai = NodeFactory.createURI(BASE + "topic/ai");
    assertThat(
            g.contains(
                article, uri(org.apache.jena.vocabulary.RDF.type.getURI()), uri(S + "NewsArticle")))
        .isTrue();
    assertThat(
            g.contains(
                article,
                uri(S + "headline"),
                NodeFactory.createLiteralString(
                    "Law on collection of facial recognition data to be proposed at two sessions")))
        .isTrue();
    assertThat(
            g.contains(
                article,
                uri(S + "datePublished"),
                NodeFactory.createLiteralDT(
                    "2021-03-02T10:36:00Z",
                    new org.apache.jena.datatypes.BaseDatatype(S + "Date"))))
        .isTrue();
    assertThat(
            g.contains(
                article,
                uri(S + "url"),
                uri("https://www.globaltimes.cn/page/202103/1217051.shtml")))
        .isTrue();
    assertThat(g.contains(article, uri(S + "publisher"), provider)).isTrue();
    assertThat(
            g.contains(provider, uri(S + "name"), NodeFactory.createLiteralString("Global Times")))
        .isTrue();
    assertThat(g.contains(provider, uri(S + "url"), uri("https://globaltimes.cn/"))).isTrue();
    assertThat(g.contains(article, uri(S + "about"), ai)).isTrue();
    assertThat(g.contains(ai, uri(S + "sameAs"), uri("http://www.wikidata.org/entity/Q11660")))
        .isTrue();
    Node image =
        uri(
            "https://www.globaltimes.cn/Portals/0/attachment/2021/2021-03-02/31e0a973-240a-4047-84d1-21645e9e20c2.jpeg");
    assertThat(g.contains(article, uri(S + "image"), image)).isTrue();
    assertThat(g.find(image, uri(S + "width"), Node.ANY).toList())
        .singleElement()
        .satisfies(
            t ->
                assertThat(
                        g.contains(
                            t.getObject(),
                            uri(S + "value"),
                            NodeFactory.createLiteralDT(
                                "1200", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)))
                    .isTrue());
    // The seed's original URL equals its URL: no isBasedOn.
    assertThat(g.find(article, uri(S + "isBasedOn"), Node.ANY).toList()).isEmpty();
  }

  private static Node uri(String iri) {
    return NodeFactory.createURI(iri);
  }

  @Test
  void aPublisherOrTopicIsReadOncePerExportWhateverTheNumberOfItsArticles() throws Exception {
    // Their facts are stated in every record graph that names them: read per article, the export
    // grew with the square of the corpus (it wrote 600 articles in 14 minutes at a million).
    Path site = dir.resolve("site");
    assertThat(
            Cli.run("generate", "--count", "300", "--seed", "4", "--out", site.toString()).exit())
        .isZero();
    Path db = dir.resolve("db");
    assertThat(Cli.run("ingest", "--db", db.toString(), site.toString()).exit()).isZero();
    java.util.Map<Node, Integer> reads = new java.util.HashMap<>();
    String json;
    try (org.newsgraph.store.Tdb2Store real = org.newsgraph.store.Tdb2Store.open(db)) {
      org.newsgraph.store.GraphStore counting =
          (org.newsgraph.store.GraphStore)
              java.lang.reflect.Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {org.newsgraph.store.GraphStore.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("query")
                        && args[1] instanceof org.apache.jena.sparql.engine.binding.Binding b
                        && b.contains(org.apache.jena.sparql.core.Var.alloc("s"))) {
                      reads.merge(b.get("s"), 1, Integer::sum);
                    }
                    try {
                      return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      new SchemaOrgExporter(counting).export(out);
      json = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
    JsonArray objects = JSON.parseAny(json).getAsArray();
    java.util.Map<String, Long> articlesPerPublisher = new java.util.HashMap<>();
    objects.forEach(
        o -> {
          var publisher = o.getAsObject().get("publisher");
          if (publisher != null) {
            articlesPerPublisher.merge(
                publisher.getAsObject().get("@id").getAsString().value(), 1L, Long::sum);
          }
        });
    assertThat(articlesPerPublisher.values())
        .as("publishers of several articles")
        .anySatisfy(n -> assertThat(n).isGreaterThan(1));
    for (String publisher : articlesPerPublisher.keySet()) {
      assertThat(reads.get(NodeFactory.createURI(publisher))).as(publisher).isEqualTo(1);
    }
    assertThat(reads.keySet())
        .filteredOn(n -> n.getURI().startsWith(BASE + "topic/"))
        .isNotEmpty()
        .allSatisfy(topic -> assertThat(reads.get(topic)).as(topic.getURI()).isEqualTo(1));
  }
}
