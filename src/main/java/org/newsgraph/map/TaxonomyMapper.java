package org.newsgraph.map;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.newsgraph.model.Image;
import org.newsgraph.model.Organization;
import org.newsgraph.model.Position;
import org.newsgraph.model.Problem;
import org.newsgraph.model.Tag;
import org.newsgraph.model.Topic;
import org.newsgraph.vocab.IriFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * Maps the site data records: a topic to a SKOS concept of the topic scheme, a tag to a SKOS
 * concept of the tag scheme, an organization to its provider node (whose {@code schema:name} is
 * then authoritative). Each record goes to its own named graph. Thread-safe.
 */
final class TaxonomyMapper {

  private final IriFactory iris;
  private final ImageMapper images;

  TaxonomyMapper(IriFactory iris) {
    this.iris = iris;
    this.images = new ImageMapper(iris);
  }

  /** Maps a topic; {@code parent} and names meet the nodes that articles' topic names give. */
  Node topic(Topic t, String source, StreamRDF out, StreamRDF shared, List<Problem> problems) {
    Node g = minted(() -> iris.topicGraph(t.id()), t.position());
    Node node = minted(() -> iris.topic(t.id()), t.position());
    Node scheme = iris.topicScheme();
    provenance(g, source, shared);
    Emitter e = concept(g, node, NewsVocab.TOPIC, scheme, out);
    e.string(NewsVocab.DCTERMS_IDENTIFIER, t.id());
    e.string(NewsVocab.SKOS_PREF_LABEL, t.name());
    e.string(NewsVocab.SCHEMA_NAME, t.name());
    e.string(NewsVocab.SKOS_ALT_LABEL, t.shortname());
    t.keywords().forEach(keyword -> e.string(NewsVocab.SKOS_ALT_LABEL, keyword));
    t.hashtags().forEach(tag -> e.string(NewsVocab.HASHTAG, tag));
    e.string(NewsVocab.SKOS_DEFINITION, t.description());
    if (t.parent() != null) {
      e.iri(NewsVocab.SKOS_BROADER, minted(() -> iris.topic(t.parent()), t.position()));
    } else {
      e.iri(NewsVocab.SKOS_TOP_CONCEPT_OF, scheme);
    }
    for (String url : t.images()) {
      e.iri(
          NewsVocab.SCHEMA_IMAGE,
          images.describe(new Image(url, null, null, null, null, null, t.position()), g, out));
    }
    services(e, t.services(), out);
    Node byName = minted(() -> iris.topic(t.name()), t.position());
    if (!byName.equals(node)) {
      // Articles name topics; the name must still reach this concept when it does not slug to _id,
      // also for skos:broader* queries, which do not follow owl:sameAs.
      Emitter alias = new Emitter(g, byName, out);
      alias.iri(NewsVocab.OWL_SAME_AS, node);
      alias.iri(NewsVocab.SKOS_BROADER, node);
      problems.add(
          Problem.warning(
              source,
              t.position(),
              "topic name '"
                  + t.name()
                  + "' does not match its _id '"
                  + t.id()
                  + "'; linked with owl:sameAs and skos:broader"));
    }
    return g;
  }

  /** Maps a tag of the tag list. */
  Node tag(Tag t, String source, StreamRDF out, StreamRDF shared) {
    Node g = minted(() -> iris.tagGraph(t.id()), t.position());
    Node node = minted(() -> iris.tag(t.id()), t.position());
    provenance(g, source, shared);
    Emitter e = concept(g, node, NewsVocab.TAG, iris.tagScheme(), out);
    e.string(NewsVocab.DCTERMS_IDENTIFIER, t.id());
    e.string(NewsVocab.SKOS_PREF_LABEL, t.id());
    for (String parent : t.parents()) {
      e.iri(NewsVocab.SKOS_BROADER, minted(() -> iris.tag(parent), t.position()));
    }
    e.string(NewsVocab.SKOS_DEFINITION, t.description());
    e.string(NewsVocab.REGEX, t.regex());
    services(e, t.services(), out);
    return g;
  }

  /** Maps an organization onto the provider node of its domain. */
  Node organization(Organization o, String source, StreamRDF out, StreamRDF shared) {
    Node g = minted(() -> iris.organizationGraph(o.domain()), o.position());
    Node node = minted(() -> iris.provider(o.domain()), o.position());
    provenance(g, source, shared);
    Emitter e = new Emitter(g, node, out);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.PROVIDER);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.SCHEMA_ORGANIZATION);
    e.string(NewsVocab.DCTERMS_IDENTIFIER, o.id());
    e.string(NewsVocab.DOMAIN, o.domain());
    e.string(NewsVocab.SCHEMA_NAME, o.name());
    e.string(NewsVocab.SCHEMA_DESCRIPTION, o.description());
    o.otherNames().forEach(name -> e.string(NewsVocab.SCHEMA_ALTERNATE_NAME, name));
    for (Image logo : o.images()) {
      e.iri(NewsVocab.LOGO, images.describe(logo, g, out));
    }
    return g;
  }

  private static Emitter concept(Node g, Node node, Node type, Node scheme, StreamRDF out) {
    Emitter s = new Emitter(g, scheme, out);
    s.iri(NewsVocab.RDF_TYPE, NewsVocab.SKOS_CONCEPT_SCHEME);
    Emitter e = new Emitter(g, node, out);
    e.iri(NewsVocab.RDF_TYPE, type);
    e.iri(NewsVocab.RDF_TYPE, NewsVocab.SKOS_CONCEPT);
    e.iri(NewsVocab.SKOS_IN_SCHEME, scheme);
    return e;
  }

  private static void services(Emitter e, Map<String, Topic.Service> services, StreamRDF out) {
    services.forEach(
        (name, service) -> {
          Node node = IriFactory.url(service.url());
          e.iri(NewsVocab.SERVICE_PROP, node);
          Emitter s = new Emitter(e.g(), node, out);
          s.iri(NewsVocab.RDF_TYPE, NewsVocab.SERVICE);
          s.string(NewsVocab.SERVICE_NAME, name);
          s.integer(NewsVocab.VOLUME, service.volume());
        });
  }

  static void provenance(Node g, String source, StreamRDF out) {
    out.quad(Quad.create(g, g, NewsVocab.DCTERMS_SOURCE, NodeFactory.createLiteralString(source)));
  }

  private static Node minted(java.util.function.Supplier<Node> mint, Position at) {
    try {
      return mint.get();
    } catch (IllegalArgumentException ex) {
      throw new MappingException(at, ex.getMessage());
    }
  }
}
