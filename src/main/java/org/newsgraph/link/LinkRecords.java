package org.newsgraph.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.newsgraph.vocab.NewsVocab;

/** Builds the record (an rdf:Statement with provenance) that describes one link. Stateless. */
public final class LinkRecords {

  private LinkRecords() {}

  /** The deterministic IRI of the record of a link: {@code {base}link/{16 hex of SHA-256}}. */
  public static Node recordIri(String base, Node s, Node p, Node o) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String key = s.getURI() + " " + p.getURI() + " " + o.getURI();
      String hex = HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
      return NodeFactory.createURI(base + "link/" + hex.substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /**
   * The triples of a proposed link's record (not the link itself: a proposal is not yet a link).
   *
   * @param base the data base IRI
   * @param c the candidate
   * @param source where the candidate was found (the extract file)
   * @param date the day of the run, {@code yyyy-mm-dd}
   */
  public static List<Triple> proposal(String base, Candidate c, Node source, String date) {
    Node r = recordIri(base, c.subject(), c.predicate(), c.object());
    List<Triple> out = new ArrayList<>();
    out.add(Triple.create(r, NewsVocab.RDF_TYPE, LinkVocab.STATEMENT));
    out.add(Triple.create(r, LinkVocab.SUBJECT, c.subject()));
    out.add(Triple.create(r, LinkVocab.PREDICATE, c.predicate()));
    out.add(Triple.create(r, LinkVocab.OBJECT, c.object()));
    out.add(Triple.create(r, LinkVocab.STATUS, NodeFactory.createLiteralString("proposed")));
    out.add(
        Triple.create(
            r,
            LinkVocab.SCORE,
            NodeFactory.createLiteralDT(
                String.format(java.util.Locale.ROOT, "%.2f", c.score()), XSDDatatype.XSDdecimal)));
    out.add(Triple.create(r, NewsVocab.DCTERMS_SOURCE, source));
    out.add(
        Triple.create(r, LinkVocab.DATE, NodeFactory.createLiteralDT(date, XSDDatatype.XSDdate)));
    out.add(Triple.create(r, LinkVocab.METHOD, NodeFactory.createLiteralString(c.method())));
    return out;
  }
}
