package org.newsgraph.story;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.expr.NodeValue;
import org.newsgraph.vocab.NewsVocab;

/**
 * What the story graph says about a story besides its members: size, number of providers, first and
 * last publication time and the first report (the earliest member, ties broken by IRI), and per
 * member how many other articles link to it. These are facts of the members and of the links, and
 * every record that can change a member's facts or links also touches the member's story (a story
 * is a connected component of the links, so both ends of a link are in it), so the story is
 * recomputed whenever they change. Immutable.
 *
 * @param story the story node
 * @param members its articles
 * @param providers the distinct publishers of its members
 * @param first the earliest publication time, or null when no member has one
 * @param last the latest publication time, or null
 * @param firstReport the member published at {@code first}, or null
 * @param citations per member, how many distinct other articles link to it by this kind's links
 *     (members without such a link may be absent); written as {@link StoryKind#citationCount()}
 */
record StorySummary(
    Node story,
    List<Node> members,
    int providers,
    Node first,
    Node last,
    Node firstReport,
    Map<Node, Integer> citations) {

  /** The story's size. */
  static final Node SIZE = NewsVocab.news("storySize");

  /** How many providers published its members. */
  static final Node PROVIDER_COUNT = NewsVocab.news("providerCount");

  /** Its earliest publication time. */
  static final Node FIRST_PUBLISHED = NewsVocab.news("firstPublished");

  /** Its latest publication time. */
  static final Node LAST_PUBLISHED = NewsVocab.news("lastPublished");

  /** Its first report. */
  static final Node FIRST_REPORT = NewsVocab.news("firstReport");

  /**
   * Summarises members from their facts.
   *
   * @param facts per member: its publication times and publishers (absent members have none)
   * @param citations per member: how many distinct other articles link to it
   */
  static StorySummary of(
      Node story, List<Node> members, Map<Node, MemberFacts> facts, Map<Node, Integer> citations) {
    Set<Node> providers = new HashSet<>();
    Node first = null;
    Node last = null;
    Node firstReport = null;
    for (Node member : members) {
      MemberFacts f = facts.getOrDefault(member, MemberFacts.NONE);
      providers.addAll(f.publishers());
      for (Node date : f.dates()) {
        int vsFirst = first == null ? -1 : compare(date, first);
        if (vsFirst < 0 || vsFirst == 0 && member.getURI().compareTo(firstReport.getURI()) < 0) {
          first = date;
          firstReport = member;
        }
        if (last == null || compare(date, last) > 0) {
          last = date;
        }
      }
    }
    return new StorySummary(story, members, providers.size(), first, last, firstReport, citations);
  }

  /** The triples of the story graph, with the class and membership of a kind of story. */
  List<Triple> triples(StoryKind kind) {
    List<Triple> out = new ArrayList<>(members.size() + 6);
    out.add(Triple.create(story, NewsVocab.RDF_TYPE, kind.storyClass()));
    out.add(Triple.create(story, SIZE, integer(members.size())));
    out.add(Triple.create(story, PROVIDER_COUNT, integer(providers)));
    if (first != null) {
      out.add(Triple.create(story, FIRST_PUBLISHED, first));
      out.add(Triple.create(story, LAST_PUBLISHED, last));
      out.add(Triple.create(story, FIRST_REPORT, firstReport));
    }
    for (Node member : members) {
      out.add(Triple.create(member, kind.membership(), story));
      int cited = citations.getOrDefault(member, 0);
      if (cited > 0) {
        out.add(Triple.create(member, kind.citationCount(), integer(cited)));
      }
    }
    return out;
  }

  /** Orders times as SPARQL's MIN and MAX do (by value across time zones, a total order). */
  static int compare(Node a, Node b) {
    return NodeValue.compareAlways(NodeValue.makeNode(a), NodeValue.makeNode(b));
  }

  private static Node integer(int value) {
    return NodeFactory.createLiteralDT(Integer.toString(value), XSDDatatype.XSDinteger);
  }

  /**
   * The facts of one member that a summary needs.
   *
   * @param dates its schema:datePublished values
   * @param publishers its schema:publisher values
   */
  record MemberFacts(Set<Node> dates, Set<Node> publishers) {
    static final MemberFacts NONE = new MemberFacts(Set.of(), Set.of());
  }
}
