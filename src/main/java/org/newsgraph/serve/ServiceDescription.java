package org.newsgraph.serve;

import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

/**
 * The SPARQL 1.1 Service Description of the query endpoint: languages, result formats, the union
 * default graph, and newsgraph's limits (timeout, row cap; no {@code sd:BasicFederatedQuery}, since
 * SERVICE is refused). The description is a small fresh graph per request. Thread-safe (immutable).
 */
final class ServiceDescription {

  private static final String SD = "http://www.w3.org/ns/sparql-service-description#";
  private static final String FORMATS = "http://www.w3.org/ns/formats/";
  // The limits are no news terms: they live in a namespace of their own, outside the ontology.
  private static final String NEWS = "https://w3id.org/newsgraph/ns/endpoint#";
  private static final List<String> RESULT_FORMATS =
      List.of(
          "SPARQL_Results_JSON",
          "SPARQL_Results_XML",
          "SPARQL_Results_CSV",
          "SPARQL_Results_TSV",
          "Turtle",
          "N-Triples",
          "RDF_XML",
          "JSON-LD");

  private final ServeSettings settings;
  private final boolean writable;

  ServiceDescription(ServeSettings settings, boolean writable) {
    this.settings = settings;
    this.writable = writable;
  }

  /**
   * The description of the endpoint at a URL.
   *
   * @param endpointUrl the absolute URL the request reached
   * @return a new graph with the {@code sd} and {@code news} prefixes set
   */
  Graph graph(String endpointUrl) {
    Graph g = GraphFactory.createDefaultGraph();
    g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("endpoint", NEWS);
    Node service = NodeFactory.createBlankNode();
    g.add(service, RDF.type.asNode(), sd("Service"));
    g.add(service, sd("endpoint"), NodeFactory.createURI(endpointUrl));
    g.add(service, sd("supportedLanguage"), sd("SPARQL11Query"));
    if (writable) {
      g.add(service, sd("supportedLanguage"), sd("SPARQL11Update"));
    }
    g.add(service, sd("feature"), sd("UnionDefaultGraph"));
    for (String format : RESULT_FORMATS) {
      g.add(service, sd("resultFormat"), NodeFactory.createURI(FORMATS + format));
    }
    g.add(service, news("queryTimeoutSeconds"), integer(settings.timeout().toSeconds()));
    g.add(service, news("maxResultRows"), integer(settings.maxRows()));
    return g;
  }

  private static Node integer(long value) {
    return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
  }

  private static Node sd(String local) {
    return NodeFactory.createURI(SD + local);
  }

  private static Node news(String local) {
    return NodeFactory.createURI(NEWS + local);
  }
}
