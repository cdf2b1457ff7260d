package org.newsgraph.validate;

import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathWriter;
import org.newsgraph.model.ResourceLib;
import org.newsgraph.store.GraphStore;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Validates a store against the shipped SHACL shapes ({@code ontology/shapes.ttl}), one record
 * graph at a time: graph names are streamed from the store and each graph is read and checked on
 * its own, so memory holds one record, never the corpus. Project graphs ({@code {base}graph/NAME}:
 * ontology, shapes, links, run metadata) are not checked. Not thread-safe; one per run.
 */
public final class ShapesValidator {

  private static final String SHAPES_RESOURCE = "/org/newsgraph/ontology/shapes.ttl";
  private static final Var GRAPH_VAR = Var.alloc("g");
  // Graph names only (the store lists them from its index); each graph is then read whole.
  private static final Query GRAPHS = QueryFactory.create("SELECT ?g WHERE { GRAPH ?g { } }");
  // On Virtuoso (GraphStore.dialect()), GRAPH ?g { } matches once, with ?g unbound; there the
  // names are the distinct names of graphs with a triple (a graph exists there only with one),
  // under the base IRI (?base), since the server keeps graphs of its own (docs/scale-out.md).
  private static final Query VIRTUOSO_GRAPHS =
      QueryFactory.create(
          "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), ?base)) }");

  private final Shapes shapes;
  private final IriFactory iris;
  private final Prologue prefixes = new Prologue();

  /**
   * A validator for the data under a base IRI, with the shipped shapes.
   *
   * @param iris the factory whose base names the project graphs to skip
   */
  public ShapesValidator(IriFactory iris) {
    this(iris, loadShippedShapes());
  }

  /** A validator with the given shapes graph. */
  public ShapesValidator(IriFactory iris, Graph shapesGraph) {
    this.shapes = Shapes.parse(shapesGraph);
    this.iris = iris;
    prefixes.setPrefix("news", NewsVocab.NS);
    prefixes.setPrefix("schema", NewsVocab.SCHEMA);
    prefixes.setPrefix("skos", NewsVocab.SKOS);
    prefixes.setPrefix("dcterms", NewsVocab.DCTERMS);
  }

  /** The shapes shipped in the jar, parsed. */
  public static Graph loadShippedShapes() {
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(ResourceLib.text(SHAPES_RESOURCE), Lang.TURTLE).parse(graph);
    return graph;
  }

  /**
   * Validates every record graph of a store.
   *
   * @param store the store, read in one read transaction
   * @param sink receives every result, in store order
   * @return the counts
   */
  public ValidationSummary validate(GraphStore store, Consumer<Violation> sink) {
    boolean virtuoso = store.dialect().filter("virtuoso"::equals).isPresent();
    return store.query(
        virtuoso ? VIRTUOSO_GRAPHS : GRAPHS,
        virtuoso
            ? BindingFactory.binding(
                Var.alloc("base"), NodeFactory.createLiteralString(iris.base()))
            : BindingFactory.empty(),
        exec -> {
          long graphs = 0;
          long violations = 0;
          long others = 0;
          RowSet rows = exec.select();
          while (rows.hasNext()) {
            Node graph = rows.next().get(GRAPH_VAR);
            if (!isRecordGraph(graph)) {
              continue;
            }
            Graph data = GraphFactory.createDefaultGraph();
            store.exportQuads(
                graph,
                new StreamRDFBase() {
                  @Override
                  public void quad(Quad quad) {
                    data.add(quad.asTriple());
                  }
                });
            ValidationSummary checked = validateGraph(graph, data, sink);
            graphs++;
            violations += checked.violations();
            others += checked.others();
          }
          return new ValidationSummary(graphs, violations, others);
        });
  }

  /**
   * Validates one record graph.
   *
   * @param graphName the graph's name, for results
   * @param data the graph's triples
   * @param sink receives the results
   * @return the counts of this graph (one graph checked)
   */
  public ValidationSummary validateGraph(Node graphName, Graph data, Consumer<Violation> sink) {
    ValidationReport report = ShaclValidator.get().validate(shapes, data);
    if (report.conforms()) {
      return new ValidationSummary(1, 0, 0);
    }
    String source = sourceOf(graphName, data);
    long violations = 0;
    long others = 0;
    for (ReportEntry entry : report.getEntries()) {
      String severity = severity(entry);
      if (severity.equals("violation")) {
        violations++;
      } else {
        others++;
      }
      String path =
          entry.resultPath() == null ? "" : PathWriter.asString(entry.resultPath(), prefixes);
      sink.accept(
          new Violation(source, graphName, severity, entry.focusNode(), path, entry.message()));
    }
    return new ValidationSummary(1, violations, others);
  }

  /**
   * Record graphs under the base, and any named graph outside it (data loaded by other means);
   * project graphs and derived story graphs are not read from a source file and are skipped.
   */
  private boolean isRecordGraph(Node graph) {
    if (!graph.isURI() || !graph.getURI().startsWith(iris.base())) {
      return !Quad.isDefaultGraph(graph);
    }
    return iris.isRecordGraph(graph);
  }

  private static String sourceOf(Node graphName, Graph data) {
    var found = data.find(graphName, NewsVocab.DCTERMS_SOURCE, Node.ANY);
    try {
      return found.hasNext()
          ? found.next().getObject().getLiteralLexicalForm()
          : "(unknown source)";
    } finally {
      found.close();
    }
  }

  private static String severity(ReportEntry entry) {
    String local = entry.severity().level().getLocalName();
    return local.toLowerCase(java.util.Locale.ROOT);
  }
}
