package org.newsgraph.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.newsgraph.export.Exporter;
import org.newsgraph.vocab.NewsVocab;

/**
 * What the query page knows of the data's vocabulary, as JSON ({@code /assets/vocabulary.json}):
 * the data base IRI, the server's row cap, the prefixes the page declares and shortens IRIs with,
 * and the classes and properties of the ontology ({@code ontology/news.ttl}, packed in the jar)
 * with their labels, which feed the editor's autocompletion instead of any outside service.
 * Stateless.
 */
final class PageVocabulary {

  private static final String ONTOLOGY = "/org/newsgraph/ontology/news.ttl";

  /** The kinds of resource the store describes, each with a prefix of its own. */
  private static final List<String> KINDS = List.of("article", "provider", "topic", "story");

  private static final String RDFS = NewsVocab.RDFS;
  private static final String OWL = NewsVocab.OWL;
  private static final Set<String> CLASS_TYPES =
      Set.of(OWL + "Class", RDFS + "Class", RDFS + "Datatype");
  private static final Set<String> PROPERTY_TYPES =
      Set.of(
          OWL + "ObjectProperty",
          OWL + "DatatypeProperty",
          OWL + "AnnotationProperty",
          NewsVocab.RDF + "Property");
  private static final Set<String> CLASS_LINKS =
      Set.of(RDFS + "subClassOf", OWL + "equivalentClass", RDFS + "domain", RDFS + "range");
  private static final Set<String> PROPERTY_LINKS =
      Set.of(RDFS + "subPropertyOf", OWL + "equivalentProperty", OWL + "inverseOf");

  private PageVocabulary() {}

  /**
   * The JSON for a store whose data base IRI is {@code base}, served with a row cap of {@code
   * maxRows} (which the page names when a result reaches it).
   */
  static String json(String base, int maxRows) {
    Map<String, String> prefixes = new LinkedHashMap<>();
    new TreeMap<>(Exporter.PREFIXES).forEach(prefixes::put);
    prefixes.put("rdf", NewsVocab.RDF);
    prefixes.put("id", base);
    KINDS.forEach(kind -> prefixes.put(kind, base + kind + "/"));

    Graph ontology = readOntology();
    Map<String, String> classes = new TreeMap<>();
    Map<String, String> properties = new TreeMap<>();
    Node type = NodeFactory.createURI(NewsVocab.RDF + "type");
    ontology
        .find()
        .forEach(
            t -> {
              String p = t.getPredicate().getURI();
              if (p.equals(type.getURI()) && t.getObject().isURI()) {
                String kind = t.getObject().getURI();
                if (CLASS_TYPES.contains(kind)) {
                  add(classes, t.getSubject(), ontology, prefixes);
                } else if (PROPERTY_TYPES.contains(kind)) {
                  add(properties, t.getSubject(), ontology, prefixes);
                }
              } else if (CLASS_LINKS.contains(p)) {
                add(classes, t.getObject(), ontology, prefixes);
                if (!p.endsWith("domain") && !p.endsWith("range")) {
                  add(classes, t.getSubject(), ontology, prefixes);
                }
              } else if (PROPERTY_LINKS.contains(p)) {
                add(properties, t.getSubject(), ontology, prefixes);
                add(properties, t.getObject(), ontology, prefixes);
              }
            });
    // The reused terms (schema:headline, skos:prefLabel...) are documented with a label but not
    // typed: a capital initial names a class, by the vocabularies' own convention.
    ontology
        .find(Node.ANY, NewsVocab.RDFS_LABEL, Node.ANY)
        .mapWith(Triple::getSubject)
        .filterKeep(n -> n.isURI() && !classes.containsKey(n.getURI()))
        .filterDrop(n -> properties.containsKey(n.getURI()))
        .toList()
        .forEach(
            n -> {
              String local = n.getLocalName();
              boolean isClass = !local.isEmpty() && Character.isUpperCase(local.charAt(0));
              add(isClass ? classes : properties, n, ontology, prefixes);
            });
    // The data uses the type predicate everywhere, though the ontology never declares it.
    properties.putIfAbsent(type.getURI(), "type");
    // Datatypes are ranges, not classes a query names with 'a'.
    classes
        .keySet()
        .removeIf(
            iri ->
                iri.startsWith(NewsVocab.XSD)
                    || iri.startsWith(RDFS)
                    || iri.startsWith(NewsVocab.RDF));

    JsonObject out = new JsonObject();
    out.put("base", base);
    out.put("maxRows", maxRows);
    JsonObject prefixJson = new JsonObject();
    prefixes.forEach(prefixJson::put);
    out.put("prefixes", prefixJson);
    out.put("classes", terms(classes));
    out.put("properties", terms(properties));
    return out.toString() + "\n";
  }

  private static void add(Map<String, String> terms, Node node, Graph g, Map<String, String> px) {
    if (!node.isURI() || px.values().stream().noneMatch(ns -> node.getURI().startsWith(ns))) {
      return;
    }
    String label =
        g
            .find(node, NewsVocab.RDFS_LABEL, Node.ANY)
            .mapWith(Triple::getObject)
            .filterKeep(Node::isLiteral)
            .toList()
            .stream()
            .map(Node::getLiteralLexicalForm)
            .min(Comparator.naturalOrder())
            .orElse("");
    terms.merge(node.getURI(), label, (a, b) -> a.isEmpty() ? b : a);
  }

  private static JsonArray terms(Map<String, String> terms) {
    JsonArray array = new JsonArray();
    terms.forEach(
        (iri, label) -> {
          JsonObject term = new JsonObject();
          term.put("iri", iri);
          term.put("label", label);
          array.add(term);
        });
    return array;
  }

  private static Graph readOntology() {
    try (InputStream in = PageVocabulary.class.getResourceAsStream(ONTOLOGY)) {
      if (in == null) {
        throw new IllegalStateException("the jar holds no " + ONTOLOGY);
      }
      return RDFParser.source(in).lang(Lang.TURTLE).toGraph();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
