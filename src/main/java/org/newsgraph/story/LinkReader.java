package org.newsgraph.story;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.newsgraph.store.GraphStore;
import org.newsgraph.store.ValuesQuery;

/**
 * The reads the story materialisation needs, as SPARQL over a {@link GraphStore}; sets of nodes go
 * through {@link ValuesQuery}. Thread-safe.
 */
final class LinkReader {

  private static final String PREFIX = "PREFIX news: <https://w3id.org/newsgraph/ns#>\n";
  private static final Var N = Var.alloc("n");
  private static final Var M = Var.alloc("m");
  private static final Var STORY = Var.alloc("story");

  private static final Var D = Var.alloc("d");
  private static final Var P = Var.alloc("p");
  private static final Query FACTS =
      QueryFactory.create(
          PREFIX
              + "PREFIX schema: <http://schema.org/>\n"
              + "SELECT ?n ?d ?p WHERE { OPTIONAL { ?n schema:datePublished ?d } OPTIONAL { ?n schema:publisher ?p } }");

  private static final Var K = Var.alloc("k");

  private final Query citations;
  private final Query neighbours;
  private final Query storyOf;
  private final Query members;
  private final Query allLinks;
  private final Query allStories;

  private final GraphStore store;

  LinkReader(GraphStore store, StoryKind kind) {
    this.store = store;
    String in = "<" + kind.membership().getURI() + ">";
    String sameStory = kind.inferred() ? " UNION { ?n news:sameStory ?m }" : "";
    this.neighbours =
        QueryFactory.create(
            PREFIX
                + "SELECT DISTINCT ?n ?m WHERE { { ?n news:related ?m } UNION { ?m news:related ?n }"
                + sameStory
                + " FILTER (?m != ?n) }");
    // As top-linked counted them before they were kept: distinct citing articles, the union of the
    // records' links (whichever graph states them) and, for the stories over every link, the
    // same-story links as stored.
    this.citations =
        QueryFactory.create(
            PREFIX
                + "SELECT ?n (COUNT(DISTINCT ?c) AS ?k) WHERE { { ?c news:related ?n }"
                + (kind.inferred() ? " UNION { ?c news:sameStory ?n }" : "")
                + " FILTER (?c != ?n) } GROUP BY ?n");
    this.storyOf =
        QueryFactory.create(PREFIX + "SELECT DISTINCT ?story WHERE { ?n " + in + " ?story }");
    this.members =
        QueryFactory.create(PREFIX + "SELECT DISTINCT ?m WHERE { ?m " + in + " ?story }");
    this.allLinks =
        QueryFactory.create(
            PREFIX + "SELECT ?n ?m WHERE { { ?n news:related ?m }" + sameStory + " }");
    this.allStories =
        QueryFactory.create(
            PREFIX
                + "SELECT DISTINCT ?story WHERE { ?story a <"
                + kind.storyClass().getURI()
                + "> }");
  }

  /** Every article linked to one of {@code nodes} in either direction, keyed by that node. */
  Map<Node, Set<Node>> neighbours(Collection<Node> nodes) {
    Map<Node, Set<Node>> out = new HashMap<>();
    forChunks(
        neighbours,
        N,
        nodes,
        row -> out.computeIfAbsent(row.get(N), k -> new HashSet<>()).add(row.get(M)));
    return out;
  }

  /** The stories that any of {@code nodes} currently belongs to. */
  Set<Node> storiesOf(Collection<Node> nodes) {
    Set<Node> out = new HashSet<>();
    forChunks(storyOf, N, nodes, row -> out.add(row.get(STORY)));
    return out;
  }

  /** The current members of the given stories. */
  Set<Node> membersOf(Collection<Node> stories) {
    Set<Node> out = new HashSet<>();
    forChunks(members, STORY, stories, row -> out.add(row.get(M)));
    return out;
  }

  /** How many distinct other articles link to each of the given articles (absent: none). */
  Map<Node, Integer> citations(Collection<Node> articles) {
    Map<Node, Integer> out = new HashMap<>();
    forChunks(
        citations,
        N,
        articles,
        row -> out.put(row.get(N), ((Number) row.get(K).getLiteralValue()).intValue()));
    return out;
  }

  /** The publication times and publishers of the given articles. */
  Map<Node, StorySummary.MemberFacts> facts(Collection<Node> articles) {
    Map<Node, StorySummary.MemberFacts> out = new HashMap<>();
    forChunks(
        FACTS,
        N,
        articles,
        row -> {
          StorySummary.MemberFacts f =
              out.computeIfAbsent(
                  row.get(N), k -> new StorySummary.MemberFacts(new HashSet<>(), new HashSet<>()));
          if (row.get(D) != null) {
            f.dates().add(row.get(D));
          }
          if (row.get(P) != null) {
            f.publishers().add(row.get(P));
          }
        });
    return out;
  }

  /**
   * Streams every link (related: citing, cited; same-story: both ways) to {@code sink}; duplicates
   * may occur.
   */
  void allLinks(BiConsumer<Node, Node> sink) {
    run(allLinks, row -> sink.accept(row.get(N), row.get(M)));
  }

  /** Every story node in the store. */
  Set<Node> allStories() {
    Set<Node> out = new HashSet<>();
    run(allStories, row -> out.add(row.get(STORY)));
    return out;
  }

  private void forChunks(Query template, Var var, Collection<Node> nodes, Consumer<Binding> rows) {
    ValuesQuery.forChunks(store, template, var, nodes, rows);
  }

  private void run(Query query, Consumer<Binding> rows) {
    ValuesQuery.run(store, query, rows);
  }
}
