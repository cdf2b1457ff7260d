package org.newsgraph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.graph.GraphFactory;
import org.newsgraph.infer.InferenceSettings;
import org.newsgraph.ingest.IngestOptions;
import org.newsgraph.ingest.Ingester;
import org.newsgraph.ingest.Provenance;
import org.newsgraph.ingest.StoryMaintainer;
import org.newsgraph.map.RecordMapper;
import org.newsgraph.map.SystemGraphs;
import org.newsgraph.model.OutputFormat;
import org.newsgraph.model.Problem;
import org.newsgraph.source.ReaderLimits;
import org.newsgraph.source.RecordReader;
import org.newsgraph.store.GraphContent;
import org.newsgraph.store.Tdb2Store;
import org.newsgraph.vocab.IriFactory;

/**
 * The hand-written catalog fixture corpus ({@code fixtures/catalog/}) ingested into a TDB2 store
 * the way the CLI does it (stories kept up to date after every batch of two records), plus helpers
 * to run catalog queries and read their rows as text.
 */
public final class CatalogFixture implements AutoCloseable {

  /** The folder of the fixture records. */
  public static final Path FOLDER = Path.of("src/test/resources/fixtures/catalog");

  /** The data base IRI. */
  public static final IriFactory IRIS = IriFactory.of(IriFactory.DEFAULT_BASE);

  private final Tdb2Store store;
  private final QueryRunner runner;
  private final boolean infer;

  private CatalogFixture(Path db, boolean infer) {
    this.store = Tdb2Store.open(db);
    this.runner = new QueryRunner(store, QueryCatalog.load(), IRIS);
    this.infer = infer;
  }

  /** A store holding the base records and the taxonomy links. */
  public static CatalogFixture create(Path db) {
    CatalogFixture fixture = new CatalogFixture(db, false);
    fixture.ingest("base");
    fixture.loadTaxonomy();
    return fixture;
  }

  /** An empty store. */
  public static CatalogFixture empty(Path db) {
    return new CatalogFixture(db, false);
  }

  /**
   * A store holding the base records, the taxonomy links and the records of {@code more}, ingested
   * with link inference on (the default of {@code ingest}; the other fixtures leave it off, their
   * answers being about the records' own links).
   */
  public static CatalogFixture inferred(Path db, Path more) {
    CatalogFixture fixture = new CatalogFixture(db, true);
    fixture.ingest("base");
    fixture.ingest(more);
    fixture.loadTaxonomy();
    return fixture;
  }

  /**
   * Ingests any folder with the story index listening, in batches of 50, accepting rejected records
   * (real data has some).
   */
  public void ingestLeniently(Path folder) {
    ingester(IngestOptions.defaults().withBatchSize(50).withProgress(false))
        .run(List.of(folder.toString()), InputStream.nullInputStream());
  }

  /** The store. */
  public Tdb2Store store() {
    return store;
  }

  /** Ingests one fixture folder with the story index listening, failing on any problem. */
  public void ingest(String folder) {
    ingest(FOLDER.resolve(folder));
  }

  /** Ingests a file or folder anywhere, as {@link #ingest(String)} does. */
  public void ingest(Path path) {
    List<Problem> problems = new ArrayList<>();
    // Batches of two records, never the bulk loader: the story index is updated batch by batch.
    ingester(
            IngestOptions.defaults().withBatchSize(2).withBulk(false).withProgress(false),
            problems::add)
        .run(List.of(path.toString()), InputStream.nullInputStream());
    assertThat(problems).isEmpty();
  }

  private Ingester ingester(IngestOptions options) {
    return ingester(options, problem -> {});
  }

  private Ingester ingester(IngestOptions options, java.util.function.Consumer<Problem> problems) {
    return new Ingester(
            store,
            new RecordReader(ReaderLimits.DEFAULT),
            new RecordMapper(IRIS),
            new Provenance(IRIS),
            new SystemGraphs(IRIS).load(),
            options,
            problems,
            new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()))
        .addListener(new StoryMaintainer(store, IRIS, InferenceSettings.DEFAULTS, infer));
  }

  /** The article node of a URL. */
  public static Node article(String url) {
    return IRIS.article(url);
  }

  /** The article IRI of a URL, as text. */
  public static String iri(String url) {
    return article(url).getURI();
  }

  /** Runs a catalog query and returns its rows, each column as the term's lexical form or IRI. */
  public List<Map<String, String>> rows(String name, Map<String, String> params) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    runner.runNamed(name, params, OutputFormat.JSON, out);
    return JsonRows.parse(out.toString(StandardCharsets.UTF_8));
  }

  /** Runs a parsed query with an empty substitution and returns its rows as text. */
  public List<Map<String, String>> rows(Query query) {
    return store.query(
        query,
        Binding.builder().build(),
        exec -> {
          List<Map<String, String>> rows = new ArrayList<>();
          exec.select()
              .forEachRemaining(
                  b -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (Var v : (Iterable<Var>) b::vars) {
                      Node n = b.get(v);
                      row.put(v.getVarName(), n.isURI() ? n.getURI() : n.getLiteralLexicalForm());
                    }
                    rows.add(row);
                  });
          return rows;
        });
  }

  private void loadTaxonomy() {
    org.apache.jena.graph.Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.source(FOLDER.resolve("taxonomy.ttl")).lang(Lang.TURTLE).parse(graph);
    Node name = NodeFactory.createURI(IRIS.base() + "graph/taxonomy");
    store.replaceGraphs(List.of(new GraphContent(name, graph.find().toList())));
  }

  @Override
  public void close() {
    store.close();
  }
}
