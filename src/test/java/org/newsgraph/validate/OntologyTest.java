package org.newsgraph.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The ontology is a product of its own: versioned, every news term labelled, commented and aligned
 * to an external vocabulary, every term the mapping emits declared; the shapes accept every golden
 * case's output.
 */
class OntologyTest {

  private static final Graph ONTOLOGY = RDFDataMgr.loadGraph("ontology/news.ttl");
  private static final Node ONTOLOGY_IRI = NodeFactory.createURI("https://w3id.org/newsgraph/ns");

  @Test
  void theOntologyIsVersioned() {
    assertThat(ONTOLOGY.contains(ONTOLOGY_IRI, RDF.type.asNode(), OWL.Ontology.asNode())).isTrue();
    assertThat(ONTOLOGY.find(ONTOLOGY_IRI, OWL.versionInfo.asNode(), Node.ANY).toList())
        .extracting(t -> t.getObject().getLiteralLexicalForm())
        .containsExactly("0.2.0");
  }

  @Test
  void everyNewsTermIsLabelledCommentedAndAligned() {
    Set<Node> terms = new TreeSet<>(java.util.Comparator.comparing(Node::getURI));
    ONTOLOGY
        .find()
        .forEach(
            t -> {
              if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(NewsVocab.NS)) {
                terms.add(t.getSubject());
              }
            });
    assertThat(terms).hasSizeGreaterThan(30);
    List<String> lacking = new ArrayList<>();
    for (Node term : terms) {
      if (!ONTOLOGY.contains(term, RDFS.label.asNode(), Node.ANY)
          || !ONTOLOGY.contains(term, RDFS.comment.asNode(), Node.ANY)) {
        lacking.add(term + " has no label or comment");
      }
      boolean aligned =
          Stream.of(
                  RDFS.subClassOf,
                  RDFS.subPropertyOf,
                  RDFS.seeAlso,
                  OWL.equivalentClass,
                  OWL.equivalentProperty)
              .flatMap(p -> ONTOLOGY.find(term, p.asNode(), Node.ANY).toList().stream())
              .anyMatch(
                  t -> t.getObject().isURI() && !t.getObject().getURI().startsWith(NewsVocab.NS));
      if (!aligned) {
        lacking.add(term + " is not aligned to an external term");
      }
    }
    assertThat(lacking).isEmpty();
  }

  @Test
  void everyNewsTermOfTheMapperIsDeclared() throws IllegalAccessException {
    List<String> undeclared = new ArrayList<>();
    for (Field field : NewsVocab.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == Node.class) {
        Node term = (Node) field.get(null);
        if (term.getURI().startsWith(NewsVocab.NS)
            && !ONTOLOGY.contains(term, RDF.type.asNode(), Node.ANY)) {
          undeclared.add(field.getName() + " " + term);
        }
      }
    }
    assertThat(undeclared).isEmpty();
  }

  @Test
  void everyTermInTheGoldenOutputsIsInTheOntologyAndTheShapesAcceptThem() throws IOException {
    ShapesValidator validator = new ShapesValidator(IriFactory.of(IriFactory.DEFAULT_BASE));
    List<String> problems = new ArrayList<>();
    List<Path> expected;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/cases"))) {
      expected =
          files.filter(p -> p.getFileName().toString().equals("expected.ttl")).sorted().toList();
    }
    assertThat(expected).hasSizeGreaterThan(10);
    for (Path file : expected) {
      Graph data = RDFDataMgr.loadGraph(file.toString());
      for (Triple t : data.find().toList()) {
        requireDeclared(t.getPredicate(), file, problems);
        if (t.getPredicate().equals(RDF.type.asNode())) {
          requireDeclared(t.getObject(), file, problems);
        }
      }
      validator.validateGraph(
          NodeFactory.createURI("urn:case:" + file.getParent().getFileName()),
          data,
          v -> problems.add(v.toString()));
    }
    assertThat(problems).isEmpty();
  }

  private static void requireDeclared(Node term, Path file, List<String> problems) {
    if (term.equals(RDF.type.asNode())) {
      return;
    }
    boolean known =
        ONTOLOGY.contains(term, Node.ANY, Node.ANY) || ONTOLOGY.contains(Node.ANY, Node.ANY, term);
    if (!known) {
      problems.add(file + ": " + term + " is not in the ontology");
    }
  }
}
