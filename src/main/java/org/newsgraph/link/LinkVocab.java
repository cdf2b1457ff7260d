package org.newsgraph.link;

import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.newsgraph.vocab.NewsVocab;

/**
 * The terms of link sets: the link predicates, and the record (an {@code rdf:Statement}) that
 * describes each link with its source ({@link NewsVocab#DCTERMS_SOURCE}), date, method, score and
 * review status. Terms {@link NewsVocab} already has are used from there, not copied.
 */
public final class LinkVocab {

  /** skos:exactMatch, for topics that mean the same as the external concept. */
  public static final Node EXACT_MATCH = NodeFactory.createURI(NewsVocab.SKOS + "exactMatch");

  /** skos:closeMatch, for topics close to the external concept. */
  public static final Node CLOSE_MATCH = NodeFactory.createURI(NewsVocab.SKOS + "closeMatch");

  /** schema:sameAs, for providers and the external organisation. */
  public static final Node SAME_AS = NewsVocab.schema("sameAs");

  /** foaf:homepage, a provider's official website. */
  public static final Node HOMEPAGE = NodeFactory.createURI(NewsVocab.FOAF + "homepage");

  /** The predicates a link may have (owl:sameAs is accepted in hand-written link files). */
  public static final Set<Node> LINK_PREDICATES =
      Set.of(EXACT_MATCH, CLOSE_MATCH, SAME_AS, NewsVocab.OWL_SAME_AS, HOMEPAGE);

  public static final Node STATEMENT = NodeFactory.createURI(NewsVocab.RDF + "Statement");
  public static final Node SUBJECT = NodeFactory.createURI(NewsVocab.RDF + "subject");
  public static final Node PREDICATE = NodeFactory.createURI(NewsVocab.RDF + "predicate");
  public static final Node OBJECT = NodeFactory.createURI(NewsVocab.RDF + "object");
  public static final Node DATE = NodeFactory.createURI(NewsVocab.DCTERMS + "date");
  public static final Node METHOD = NodeFactory.createURI(NewsVocab.DCTERMS + "description");

  /** news:linkScore, the matcher's confidence in a proposed link, 0 to 1. */
  public static final Node SCORE = NewsVocab.news("linkScore");

  /** news:linkStatus: "proposed", "accepted" or "rejected". */
  public static final Node STATUS = NewsVocab.news("linkStatus");

  private LinkVocab() {}
}
